import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PemIdentity {
  readonly certFile: string;
  readonly keyFile: string;
}

const keytool = (password: string, ...args: string[]) =>
  run('keytool', [...args, '-storetype', 'PKCS12', '-storepass', password, '-keypass', password]);

/** Makes a key pair in `<dir>/<name>.p12` and exports its key as PEM (keytool cannot; openssl can). */
async function keyPair(dir: string, name: string, pw: string, ...genArgs: string[]) {
  const keystore = path.join(dir, `${name}.p12`);
  await keytool(
    pw,
    '-genkeypair',
    '-alias',
    name,
    '-keyalg',
    'EC',
    '-groupname',
    'secp256r1',
    '-validity',
    '30',
    '-keystore',
    keystore,
    ...genArgs,
  );
  const keyFile = path.join(dir, `${name}.key.pem`);
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
  return { keystore, keyFile };
}

/**
 * A stranger's client identity: a self-signed CA certificate the cluster does not trust, used both as
 * the client's certificate and as the only CA a misconfigured client would trust.
 */
export async function strangerIdentity(dir: string): Promise<PemIdentity> {
  fs.mkdirSync(dir, { recursive: true });
  const pw = 'stranger-pass';
  const { keystore, keyFile } = await keyPair(dir, 'stranger', pw, '-dname', 'CN=stranger', '-ext', 'bc:c');
  const certFile = path.join(dir, 'stranger.cert.pem');
  await keytool(pw, '-exportcert', '-rfc', '-alias', 'stranger', '-keystore', keystore, '-file', certFile);
  return { certFile, keyFile };
}

/**
 * A server certificate issued by the cluster's own CA (`ca.p12` in the cluster's TLS folder) for a host
 * that is not the one dialled (elsewhere.invalid): only host-name verification can refuse it.
 */
export async function misnamedServerIdentity(clusterTlsDir: string, dir: string): Promise<PemIdentity> {
  fs.mkdirSync(dir, { recursive: true });
  const caPassword = fs.readFileSync(path.join(clusterTlsDir, 'password'), 'utf8').trim();
  const pw = 'misnamed-pass';
  const { keystore, keyFile } = await keyPair(dir, 'misnamed', pw, '-dname', 'CN=elsewhere.invalid');
  const csr = path.join(dir, 'misnamed.csr');
  const certFile = path.join(dir, 'misnamed.cert.pem');
  await keytool(pw, '-certreq', '-alias', 'misnamed', '-keystore', keystore, '-file', csr);
  await keytool(
    caPassword,
    '-gencert',
    '-alias',
    'ca',
    '-keystore',
    path.join(clusterTlsDir, 'ca.p12'),
    '-infile',
    csr,
    '-outfile',
    certFile,
    '-rfc',
    '-validity',
    '30',
    '-ext',
    'SAN=dns:elsewhere.invalid',
  );
  return { certFile, keyFile };
}
