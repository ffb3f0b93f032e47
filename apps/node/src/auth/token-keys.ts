import fs from 'node:fs';
import path from 'node:path';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  JWK,
  JWTVerifyGetKey,
  KeyLike,
} from 'jose';

const ALG = 'EdDSA';

/** Where a node finds the keys that sign officers' tokens: the agency's identity provider, or a local pair. */
export interface TokenKeySource {
  /** JWKS URL of the agency's identity provider (production). */
  readonly jwksUrl?: string;
  /** Directory of the local key pair used when no identity provider is configured. */
  readonly localDir: string;
}

/** The verification key set; creates the local pair on first use when no identity provider is set. */
export async function tokenVerificationKeys(source: TokenKeySource): Promise<JWTVerifyGetKey> {
  if (source.jwksUrl) return createRemoteJWKSet(new URL(source.jwksUrl));
  const { publicJwk } = await localKeyPair(source.localDir);
  return createLocalJWKSet({ keys: [publicJwk] });
}

/** The local signing key (for the `token` command); never used when an identity provider is configured. */
export async function localSigningKey(localDir: string): Promise<{ key: KeyLike | Uint8Array; kid: string }> {
  const { privateJwk } = await localKeyPair(localDir);
  return { key: await importJWK(privateJwk, ALG), kid: privateJwk.kid! };
}

async function localKeyPair(dir: string): Promise<{ publicJwk: JWK; privateJwk: JWK }> {
  const file = path.join(dir, 'token-signing.jwk.json');
  if (!fs.existsSync(file)) {
    const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
    const privateJwk = {
      ...(await exportJWK(privateKey)),
      alg: ALG,
      kid: `local-${Date.now().toString(36)}`,
    };
    fs.mkdirSync(dir, { recursive: true });
    // Written once, exclusively: two roles starting together must not each make a different key.
    try {
      fs.writeFileSync(file, JSON.stringify(privateJwk), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const privateJwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  const { d: _d, ...publicJwk } = privateJwk;
  return { publicJwk, privateJwk };
}

export const TOKEN_ALG = ALG;
