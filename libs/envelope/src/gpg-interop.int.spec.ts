/**
 * Interoperability with GnuPG (the most widely deployed OpenPGP tool; Debian 12 ships 2.2), both ways:
 * an envelope whose sealed content gpg signed and encrypted is opened by openEnvelope, and one sealed by
 * sealEnvelope is decrypted and verified by gpg; a receipt's detached signature verifies with gpg too.
 * Skipped, with a message, when gpg is not installed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as openpgp from 'openpgp';
import {
  Agency,
  CN,
  headerFrom,
  makeAgency,
  storeOf,
  verificationRequest,
  VICTIM_NAME,
  VN,
} from './__fixtures__/agencies';
import { signBytes } from './detached';
import { toWireHeader } from './header';
import { openEnvelope } from './open';
import { sealEnvelope } from './seal';
import { encodePayload, v1 } from './wire';

const GPG = '/usr/bin/gpg';
const hasGpg = fs.existsSync(GPG);
if (!hasGpg) console.warn(`gpg-interop: SKIPPED, ${GPG} is not installed (apt-get install gnupg)`);
const describeGpg = hasGpg ? describe : describe.skip;

let home: string;
let vn: Agency; // our node
let cnPublic: openpgp.PublicKey; // the counterpart, whose key lives only in gpg
let cnFingerprint: string;

const gpg = (args: string[], input?: Uint8Array | string): Buffer =>
  execFileSync(
    GPG,
    [
      '--homedir',
      home,
      '--batch',
      '--yes',
      '--pinentry-mode',
      'loopback',
      '--passphrase',
      '',
      '--trust-model',
      'always',
      ...args,
    ],
    {
      input,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );

describeGpg('OpenPGP interoperability with GnuPG', () => {
  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-gnupg-'));
    vn = await makeAgency(VN);
    gpg(['--quick-gen-key', `${CN} (gpg counterpart)`, 'ed25519', 'sign', 'never']);
    cnFingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(['--with-colons', '--list-keys', CN]).toString())![1];
    gpg(['--quick-add-key', cnFingerprint, 'cv25519', 'encr', 'never']);
    cnPublic = await openpgp.readKey({ armoredKey: gpg(['--armor', '--export', cnFingerprint]).toString() });
    gpg(['--import'], vn.generated.publicKeyArmored);
    gpg(['--import'], vn.generated.privateKeyArmored);
  });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('opens an envelope whose content gpg signed and encrypted', async () => {
    const header = toWireHeader(headerFrom({ ...vn, id: CN }, vn), 'xborder.v1.VerificationRequest');
    const payload = encodePayload('xborder.v1.VerificationRequest', verificationRequest());
    const content = v1.SealedContent.encode({ header, payload }).finish();
    const sealed = gpg(
      ['--local-user', cnFingerprint, '--recipient', vn.generated.fingerprint, '--sign', '--encrypt'],
      content,
    );
    const bytes = v1.InboxRecord.encode({ envelope: { header, sealed } }).finish();
    const store = storeOf({
      agencyId: CN,
      fingerprint: cnFingerprint.toLowerCase(),
      validFrom: new Date(0),
      key: cnPublic,
    });
    const result = await openEnvelope(bytes, {
      ownAgencyId: VN,
      ownPrivateKey: vn.privateKey,
      trustStore: store,
    });
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    expect(result.signerFingerprint).toBe(cnFingerprint.toLowerCase());
    expect((result.payload as v1.VerificationRequest).person?.name?.romanised).toBe(VICTIM_NAME);
  });

  it('has gpg decrypt and verify an envelope we sealed', async () => {
    const header = headerFrom(vn, { ...vn, id: CN });
    const bytes = await sealEnvelope({
      header,
      payloadType: 'xborder.v1.VerificationRequest',
      payload: verificationRequest(),
      senderKey: vn.privateKey,
      recipientKeys: [cnPublic, vn.publicKey],
    });
    const sealed = v1.InboxRecord.decode(bytes).envelope!.sealed!;
    const out = path.join(home, 'content.bin');
    const status = gpg(['--status-fd', '1', '--output', out, '--decrypt'], sealed).toString();
    expect(status).toMatch(new RegExp(`VALIDSIG ${vn.generated.fingerprint.toUpperCase()}`));
    const content = v1.SealedContent.decode(fs.readFileSync(out));
    expect(content.header?.messageId).toBe(header.messageId);
  });

  it('has gpg verify a detached signature we made (receipts, audit seals)', async () => {
    const data = new TextEncoder().encode('receipt bytes');
    const sigFile = path.join(home, 'data.sig');
    const dataFile = path.join(home, 'data.bin');
    fs.writeFileSync(sigFile, await signBytes(data, vn.privateKey));
    fs.writeFileSync(dataFile, data);
    const status = gpg(['--status-fd', '1', '--verify', sigFile, dataFile]).toString();
    expect(status).toMatch(new RegExp(`VALIDSIG ${vn.generated.fingerprint.toUpperCase()}`));
  });
});
