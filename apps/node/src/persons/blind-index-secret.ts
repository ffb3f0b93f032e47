import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The node's secret for the register's blind indexes (docs/persons.md, "Blind indexes"): 32 random bytes in
 * `<dataDir>/persons/blind-index.key` (mode 0600), made on first start. Losing it makes the index unreadable
 * (it is then rebuilt under a new one from the particulars); it never leaves the node.
 */
export function loadBlindIndexSecret(dataDir: string): Uint8Array {
  const file = path.join(dataDir, 'persons', 'blind-index.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
  }
  const secret = fs.readFileSync(file);
  if (secret.length < 32) throw new Error(`${file}: the blind index secret must be 32 bytes or more`);
  return new Uint8Array(secret);
}
