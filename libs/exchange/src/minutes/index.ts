export { signMinutes, verifyMinutesSignature } from './signatures';
export type { MinutesSignatureVerdict } from './signatures';
export { minutesCheckedApplier } from './checked-applier';
export { MinutesSigner } from './minutes-signer';
export { minutesBytesOf, minutesOfBytes } from '../wire-mapping/minutes';
