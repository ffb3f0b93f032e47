/** Who may do what (issue 6). Every role is scoped to one agency: the `agency` claim of the token. */
export const ROLES = [
  'liaison_officer',
  'border_guard_command',
  'auditor',
  'key_administrator',
  'supervisor',
] as const;
export type Role = (typeof ROLES)[number];

/** The verified caller of an API request; recorded as the actor of every event it causes. */
export interface Officer {
  /** The token subject: the officer's id at the agency's identity provider. */
  readonly id: string;
  readonly agency: string;
  readonly roles: readonly Role[];
}

export const actorOf = (officer: Officer) => `officer:${officer.id}`;
