import type { MinutesSigningHealth } from '@xb/exchange';

/** The minutes signer's account of minutes awaiting the agency key, for /health; undefined without it. */
export const MINUTES_HEALTH = Symbol('MINUTES_HEALTH');
export type MinutesHealthProbe = () => MinutesSigningHealth | undefined;
