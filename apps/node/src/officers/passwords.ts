import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Officers' passwords, hashed with scrypt (node:crypto, no native add-on): N=2^15, r=8, p=1 is OWASP's
 * minimum for scrypt and costs about 32 MiB and ~50-100 ms here, which bounds guessing even before the
 * lock-out. The parameters travel in the stored string, so they can be raised without a migration.
 */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

const derive = (password: string, salt: Buffer, n: number, r: number, p: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: n, r, p, maxmem: 256 * n * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** `scrypt$N$r$p$<salt base64>$<key base64>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Hashed once per process: an unknown officer id costs the same time as a wrong password. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

/** Rules for a new password (NIST SP 800-63B: length over composition rules). */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < 12) return 'at least 12 characters';
  if ([...password].length > 200) return 'at most 200 characters';
  return undefined;
}
