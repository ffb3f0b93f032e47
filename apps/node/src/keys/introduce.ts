import fs from 'node:fs/promises';
import { agencyKeyPaths } from '@xb/envelope';
import { generate, importKey } from './key-commands';

export interface AgencySetup {
  readonly agencyId: string;
  readonly dataDir: string;
}

/**
 * Gives each agency a key pair (unless it has one) and makes every agency trust the others' public
 * keys: what two liaison offices do by exchanging key files, for demos and tests on one machine.
 * `validFrom` back-dates trust so messages sent right after set-up are inside the window.
 */
export async function introduceAgencies(
  agencies: readonly AgencySetup[],
  now = new Date(),
  validFrom = new Date(now.getTime() - 3_600_000),
): Promise<void> {
  for (const agency of agencies) {
    const exists = await fs.stat(agencyKeyPaths(agency.dataDir).privateKey).then(
      () => true,
      () => false,
    );
    if (!exists) await generate({ agencyId: agency.agencyId, dataDir: agency.dataDir, now: validFrom });
  }
  for (const agency of agencies) {
    for (const other of agencies) {
      if (other === agency) continue;
      await importKey(
        { agencyId: agency.agencyId, dataDir: agency.dataDir, now },
        {
          agencyId: other.agencyId,
          file: agencyKeyPaths(other.dataDir).publicKey,
          validFrom: validFrom.toISOString(),
        },
      );
    }
  }
}
