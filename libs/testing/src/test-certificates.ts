import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PemIdentity {
  readonly certFile: string;
  readonly keyFile: string;
  /** The CA that issued it, as PEM. */
  readonly caFile: string;
}

const keytool = (password: string, ...args: string[]) =>
  run('keytool', [...args, '-storetype', 'PKCS12', '-storepass', password, '-keypass', password]);

/**
 * A certificate and key issued by a CA the cluster does not trust (made with keytool, the key exported
 * to PEM with openssl for Node's TLS): a stranger's client identity.
 */
export async function strangerIdentity(dir: string): Promise<PemIdentity> {
  fs.mkdirSync(dir, { recursive: true });
  const pw = 'stranger-pass';
  const ca = path.join(dir, 'stranger-ca.p12');
  const client = path.join(dir, 'stranger.p12');
  await keytool(
    pw,
    '-genkeypair',
    '-alias',
    'ca',
    '-keyalg',
    'EC',
    '-groupname',
    'secp256r1',
    '-dname',
    'CN=stranger CA',
    '-ext',
    'bc:c',
    '-validity',
    '30',
    '-keystore',
    ca,
  );
  await keytool(
    pw,
    '-exportcert',
    '-rfc',
    '-alias',
    'ca',
    '-keystore',
    ca,
    '-file',
    path.join(dir, 'stranger-ca.pem'),
  );
  await issue(pw, { caKeystore: ca, caPassword: pw }, client, 'CN=stranger', 'EKU=clientAuth', dir);
  return pemOf(client, pw, dir, 'stranger', path.join(dir, 'stranger-ca.pem'));
}

/**
 * A server certificate issued by the cluster's own CA for a host that is not the one dialled
 * (elsewhere.invalid), as PKCS12 for a TLS server: only host-name verification can refuse it.
 */
export async function misnamedServerKeystore(
  clusterTlsDir: string,
  dir: string,
): Promise<{ pfx: Buffer; passphrase: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const caPassword = fs.readFileSync(path.join(clusterTlsDir, 'password'), 'utf8').trim();
  const pw = 'misnamed-pass';
  const keystore = path.join(dir, 'misnamed.p12');
  await issue(
    pw,
    { caKeystore: path.join(clusterTlsDir, 'ca.p12'), caPassword },
    keystore,
    'CN=elsewhere.invalid',
    'SAN=dns:elsewhere.invalid',
    dir,
  );
  return { pfx: fs.readFileSync(keystore), passphrase: pw };
}

/** A key pair in `keystore` with a certificate that the CA in `caKeystore` signs. */
async function issue(
  pw: string,
  signer: { caKeystore: string; caPassword: string },
  keystore: string,
  dname: string,
  ext: string,
  dir: string,
): Promise<void> {
  const csr = path.join(dir, `${path.basename(keystore)}.csr`);
  const signed = path.join(dir, `${path.basename(keystore)}.pem`);
  await keytool(
    pw,
    '-genkeypair',
    '-alias',
    'me',
    '-keyalg',
    'EC',
    '-groupname',
    'secp256r1',
    '-dname',
    dname,
    '-validity',
    '30',
    '-keystore',
    keystore,
  );
  await keytool(pw, '-certreq', '-alias', 'me', '-keystore', keystore, '-file', csr);
  await keytool(
    signer.caPassword,
    '-gencert',
    '-alias',
    'ca',
    '-keystore',
    signer.caKeystore,
    '-infile',
    csr,
    '-outfile',
    signed,
    '-rfc',
    '-validity',
    '30',
    '-ext',
    ext,
  );
  const caPem = path.join(dir, `${path.basename(keystore)}-ca.pem`);
  await keytool(
    signer.caPassword,
    '-exportcert',
    '-rfc',
    '-alias',
    'ca',
    '-keystore',
    signer.caKeystore,
    '-file',
    caPem,
  );
  await keytool(pw, '-importcert', '-noprompt', '-alias', 'ca', '-file', caPem, '-keystore', keystore);
  await keytool(pw, '-importcert', '-noprompt', '-alias', 'me', '-file', signed, '-keystore', keystore);
}

async function pemOf(
  keystore: string,
  pw: string,
  dir: string,
  name: string,
  caFile: string,
): Promise<PemIdentity> {
  const keyFile = path.join(dir, `${name}.key.pem`);
  const certFile = path.join(dir, `${name}.cert.pem`);
  await run('openssl', [
    'pkcs12',
    '-in',
    keystore,
    '-passin',
    `pass:${pw}`,
    '-nodes',
    '-nocerts',
    '-out',
    keyFile,
  ]);
  await run('openssl', [
    'pkcs12',
    '-in',
    keystore,
    '-passin',
    `pass:${pw}`,
    '-clcerts',
    '-nokeys',
    '-out',
    certFile,
  ]);
  return { certFile, keyFile, caFile };
}
