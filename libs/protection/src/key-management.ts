/**
 * The master key behind the per-person data keys (envelope encryption, docs/confidentiality.md). Data
 * keys are stored only wrapped by it; the master key itself never enters the key store. Production plugs
 * a KMS in here (wrap/unwrap are calls to it); `LocalKeyManagement` keeps the master key in a file of the
 * data dir, readable by the node's user only.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KeyManagement {
  /** The data key encrypted by the master key; `keyId` is bound to it (a wrapped key cannot be moved). */
  wrap(dataKey: Buffer, keyId: string): Promise<Buffer>;
  /** Throws when the wrapped key was not made for `keyId` or by this master key. */
  unwrap(wrapped: Buffer, keyId: string): Promise<Buffer>;
  /** The key of the blind indexes (derived from the master key: never stored, same in every process). */
  blindIndexKey(): Promise<Buffer>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM with `aad`: iv (12) | tag (16) | ciphertext. */
export function seal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, box: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(box.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** Where the local master key lives in a node's data dir. */
export const masterKeyFile = (dataDir: string) => path.join(dataDir, 'keys', 'master.key');

/**
 * The master key in a file (32 random bytes, created on first use with mode 0600 in a 0700 folder). A
 * file readable by others is refused: whoever reads it reads every particular of the store.
 */
export class LocalKeyManagement implements KeyManagement {
  private readonly master: Buffer;

  constructor(readonly file: string) {
    this.master = LocalKeyManagement.loadOrCreate(file);
  }

  static forDataDir(dataDir: string): LocalKeyManagement {
    return new LocalKeyManagement(masterKeyFile(dataDir));
  }

  private static loadOrCreate(file: string): Buffer {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(32), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const mode = fs.statSync(file).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new Error(
        `master key file ${file} is readable by others (mode ${mode.toString(8)}): chmod 600 it`,
      );
    }
    const key = fs.readFileSync(file);
    if (key.length !== 32) throw new Error(`master key file ${file} does not hold a 32-byte key`);
    return key;
  }

  async wrap(dataKey: Buffer, keyId: string): Promise<Buffer> {
    return seal(this.master, dataKey, `xb-data-key:${keyId}`);
  }

  async unwrap(wrapped: Buffer, keyId: string): Promise<Buffer> {
    return unseal(this.master, wrapped, `xb-data-key:${keyId}`);
  }

  async blindIndexKey(): Promise<Buffer> {
    return createHmac('sha256', this.master).update('xb-blind-index-key-v1').digest();
  }
}
