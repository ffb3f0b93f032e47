import {
  AgencyDirectory,
  AgencyDirectoryFile,
  checkDirectoryContent,
  verifyDirectory,
} from './agency-directory';
import { signBytes } from './detached';
import { Agency, CN, makeAgency, VN } from './__fixtures__/agencies';

const VN_CENTRAL = 'VN.MPS.C03';
const CN_CENTRAL = 'CN.MPS.CRIMINAL';
const VN_POST = 'VN.BGC.MUONGTE';
// OpenPGP dates keys and signatures by the wall clock, so the test's moments are taken from it.
const NOW = new Date();
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

let vnCentral: Agency;
let vnCentralNext: Agency;
let cnCentral: Agency;
let vn: Agency;
let cn: Agency;
let vnPost: Agency;

beforeAll(async () => {
  [vnCentral, vnCentralNext, cnCentral, vn, cn, vnPost] = await Promise.all(
    [VN_CENTRAL, VN_CENTRAL, CN_CENTRAL, VN, CN, VN_POST].map(makeAgency),
  );
});

const keyOf = (agency: Agency, extra: Record<string, unknown> = {}) => ({
  fingerprint: agency.generated.fingerprint,
  validFrom: daysAgo(30),
  publicKey: agency.generated.publicKeyArmored,
  ...extra,
});

/** Central VN/CN paired, provincial VN/CN paired, a VN post with no pair. */
function directoryFile(change: (file: AgencyDirectoryFile) => void = () => undefined): AgencyDirectoryFile {
  const file: AgencyDirectoryFile = {
    format: 'xborder-agency-directory/1',
    serial: 2,
    issuedAt: daysAgo(1),
    issuer: VN_CENTRAL,
    agencies: [
      {
        agencyId: VN_CENTRAL,
        country: 'VN',
        level: 'central',
        pairedWith: [CN_CENTRAL],
        keys: [keyOf(vnCentral)],
      },
      {
        agencyId: CN_CENTRAL,
        country: 'CN',
        level: 'central',
        pairedWith: [VN_CENTRAL],
        keys: [keyOf(cnCentral)],
      },
      { agencyId: VN, country: 'VN', level: 'provincial', pairedWith: [CN], keys: [keyOf(vn)] },
      { agencyId: CN, country: 'CN', level: 'provincial', pairedWith: [VN], keys: [keyOf(cn)] },
      { agencyId: VN_POST, country: 'VN', level: 'post', pairedWith: [], keys: [keyOf(vnPost)] },
    ],
  };
  change(file);
  return file;
}

const bytesOf = (file: AgencyDirectoryFile) => new TextEncoder().encode(JSON.stringify(file));
const signed = async (file: AgencyDirectoryFile, signer: Agency = vnCentral) => {
  const bytes = bytesOf(file);
  return { bytes, signature: await signBytes(bytes, signer.privateKey) };
};

async function accepted(file: AgencyDirectoryFile, signer?: Agency): Promise<AgencyDirectory> {
  const { bytes, signature } = await signed(file, signer);
  const result = await verifyDirectory(bytes, signature, {
    rootKeys: [vnCentral.publicKey],
    now: new Date(),
  });
  if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
  return result.directory;
}

describe('verifyDirectory', () => {
  it('accepts a directory signed by a configured central key: levels, pairings and a trust store of its keys', async () => {
    const directory = await accepted(directoryFile());
    expect(directory.serial).toBe(2);
    expect(directory.signer).toBe(vnCentral.generated.fingerprint);
    expect(directory.agency(VN)).toMatchObject({ level: 'provincial', country: 'VN' });
    expect(directory.paired(VN, CN)).toBe(true);
    expect(directory.paired(VN_POST, CN)).toBe(false);
    expect(directory.trustStore().encryptionKeyFor(CN, NOW)?.getFingerprint()).toBe(cn.generated.fingerprint);
  });

  it('carries a revocation into the trust store: the revoked key no longer verifies', async () => {
    const directory = await accepted(
      directoryFile((f) => {
        f.agencies[3].keys = [keyOf(cn, { revokedAt: daysAgo(2), revocationReason: 'lost' })];
      }),
    );
    expect(directory.trustStore().senderKeys(CN, NOW)).toMatchObject({ ok: false, reason: 'KEY_REVOKED' });
  });

  it('refuses a directory without a signature', async () => {
    const result = await verifyDirectory(bytesOf(directoryFile()), undefined, {
      rootKeys: [vnCentral.publicKey],
      now: new Date(),
    });
    expect(result).toMatchObject({ ok: false, code: 'DIRECTORY_UNSIGNED', field: 'signature' });
  });

  it('refuses a directory signed by a key that is not a trusted central key', async () => {
    const { bytes, signature } = await signed(directoryFile(), vn);
    const result = await verifyDirectory(bytes, signature, {
      rootKeys: [vnCentral.publicKey],
      now: new Date(),
    });
    expect(result).toMatchObject({ ok: false, code: 'DIRECTORY_BAD_SIGNATURE', field: 'signature' });
  });

  it('refuses a directory changed after it was signed', async () => {
    const { signature } = await signed(directoryFile());
    const changed = bytesOf(directoryFile((f) => (f.serial = 3)));
    const result = await verifyDirectory(changed, signature, {
      rootKeys: [vnCentral.publicKey],
      now: new Date(),
    });
    expect(result).toMatchObject({ ok: false, code: 'DIRECTORY_BAD_SIGNATURE' });
  });

  it('refuses a directory not newer than the current one (a replay), and takes a newer one', async () => {
    const current = await accepted(directoryFile());
    const again = await signed(directoryFile());
    expect(
      await verifyDirectory(again.bytes, again.signature, {
        rootKeys: [vnCentral.publicKey],
        current,
        now: new Date(),
      }),
    ).toMatchObject({ ok: false, code: 'DIRECTORY_REPLAYED', field: 'serial' });
    const newer = await signed(directoryFile((f) => (f.serial = 3)));
    expect(
      await verifyDirectory(newer.bytes, newer.signature, {
        rootKeys: [vnCentral.publicKey],
        current,
        now: new Date(),
      }),
    ).toMatchObject({ ok: true });
  });

  it('takes the next central key the current directory lists, and refuses a configured central key it revokes', async () => {
    const current = await accepted(
      directoryFile((f) => {
        f.agencies[0].keys = [keyOf(vnCentral, { revokedAt: daysAgo(1) }), keyOf(vnCentralNext)];
      }),
    );
    const byNext = await signed(
      directoryFile((f) => (f.serial = 3)),
      vnCentralNext,
    );
    expect(
      await verifyDirectory(byNext.bytes, byNext.signature, {
        rootKeys: [vnCentral.publicKey],
        current,
        now: new Date(),
      }),
    ).toMatchObject({ ok: true });
    const byRevoked = await signed(
      directoryFile((f) => (f.serial = 3)),
      vnCentral,
    );
    expect(
      await verifyDirectory(byRevoked.bytes, byRevoked.signature, {
        rootKeys: [vnCentral.publicKey],
        current,
        now: new Date(),
      }),
    ).toMatchObject({ ok: false, code: 'DIRECTORY_BAD_SIGNATURE' });
  });
});

describe('checkDirectoryContent', () => {
  it.each<[string, (f: AgencyDirectoryFile) => void, string]>([
    [
      'a pairing one side does not list back',
      (f) => (f.agencies[3].pairedWith = []),
      'agencies[2].pairedWith[0]',
    ],
    [
      'a pairing across levels',
      (f) => {
        f.agencies[2].pairedWith = [CN_CENTRAL];
        f.agencies[1].pairedWith = [VN_CENTRAL, VN];
      },
      'agencies[1].pairedWith[1]',
    ],
    ['a pairing within one country', (f) => (f.agencies[4].pairedWith = [VN]), 'agencies[4].pairedWith[0]'],
    [
      'a pairing with an agency not listed',
      (f) => (f.agencies[4].pairedWith = ['CN.YN.HEKOU']),
      'agencies[4].pairedWith[0]',
    ],
    ['an issuer that is not central', (f) => (f.issuer = VN), 'issuer'],
    ['a country that is not the id’s', (f) => (f.agencies[2].country = 'CN'), 'agencies[2].country'],
    ['an agency listed twice', (f) => f.agencies.push({ ...f.agencies[4] }), 'agencies[5].agencyId'],
    [
      'a key whose fingerprint is not its own',
      (f) => (f.agencies[4].keys = [keyOf(vnPost, { fingerprint: vn.generated.fingerprint })]),
      'agencies[4].keys[0].fingerprint',
    ],
    ['a key listed twice', (f) => (f.agencies[4].keys = [keyOf(vn)]), 'agencies[4].keys[0].fingerprint'],
    [
      'an unknown level',
      (f) => ((f.agencies[4] as { level: string }).level = 'district'),
      'agencies.4.level',
    ],
    ['no serial', (f) => delete (f as Partial<AgencyDirectoryFile>).serial, 'serial'],
  ])('refuses %s, naming the field', async (_name, change, field) => {
    const result = await checkDirectoryContent(bytesOf(directoryFile(change)));
    expect(result).toMatchObject({ ok: false, code: 'DIRECTORY_INVALID', field });
  });

  it('refuses bytes that are not JSON', async () => {
    expect(await checkDirectoryContent(new TextEncoder().encode('{'))).toMatchObject({
      ok: false,
      code: 'DIRECTORY_INVALID',
      field: 'file',
    });
  });
});
