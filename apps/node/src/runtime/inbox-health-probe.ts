import type { InboxHealth } from '@xb/exchange';

/** The gateway's own account of the inbox, for /health; undefined when this process runs no gateway. */
export const INBOX_HEALTH = Symbol('INBOX_HEALTH');
export type InboxHealthProbe = () => InboxHealth | undefined;
