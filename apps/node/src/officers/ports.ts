/** The narrow things the console's controllers need from the node (no AgencyNode: see app.module.ts). */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const SIGN_IN_AUDIT = Symbol('SIGN_IN_AUDIT');
