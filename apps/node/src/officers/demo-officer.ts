import { randomBytes } from 'node:crypto';
import { officersFile } from '@xb/config';
import { Role } from '../auth/roles';
import { OfficerAccounts } from './officer-accounts';
import { OfficerStore } from './officer-store';

export interface OfficerToAdd {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** Added, then disabled (tests of the refusal). */
  readonly disabled?: boolean;
}

/** Local accounts in an agency's data dir (the node may be running or not), all with one password. */
export async function addOfficerAccounts(
  agency: { agencyId: string; dataDir: string },
  officers: readonly OfficerToAdd[],
  password: string,
): Promise<void> {
  const store = new OfficerStore(officersFile(agency.dataDir));
  try {
    const accounts = new OfficerAccounts(store, agency.agencyId, () => new Date());
    for (const officer of officers) {
      const added = await accounts.add({ ...officer, password });
      if (!added.ok) throw new Error(added.reason);
      if (officer.disabled) accounts.disable(officer.id);
    }
  } finally {
    store.close();
  }
}

export const DEMO_OFFICER = 'demo-officer';

/** The demo's officer, with every casework role, in each agency; returns its fresh password. */
export async function addDemoOfficers(
  agencies: readonly { agencyId: string; dataDir: string }[],
): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  for (const agency of agencies) {
    const roles: Role[] = ['liaison_officer', 'border_guard_command', 'auditor'];
    await addOfficerAccounts(
      agency,
      [{ id: DEMO_OFFICER, displayName: `Demo officer (${agency.agencyId})`, roles }],
      password,
    );
  }
  return password;
}
