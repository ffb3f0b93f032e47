export { signMinutes, verifyMinutesSignature } from './signatures';
export type { MinutesSignatureVerdict } from './signatures';
export { minutesCheckedApplier } from './checked-applier';
export { DEFAULT_MINUTES_SIGNING_POLICY, MinutesSigner } from './minutes-signer';
export type { MinutesSignerOptions, MinutesSigningHealth } from './minutes-signer';
export { minutesBytesOf, minutesOfBytes } from '../wire-mapping/minutes';
