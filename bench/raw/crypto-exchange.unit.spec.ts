import {
  ExchangeKeys,
  generateExchangeKeys,
  oneExchange,
  open,
  readExchangeKeys,
  receiptFor,
  samplePayload,
  seal,
  signReceipt,
  verifyReceipt,
} from './crypto-exchange';

// A handful of real openpgp operations (~1 ms each): the bench must time work that really verifies.
describe('the raw crypto of one exchange', () => {
  let keys: ExchangeKeys;
  beforeAll(async () => {
    keys = await readExchangeKeys(await generateExchangeKeys());
  });

  it('uses v4 legacy ECC keys (Ed25519 signing, Curve25519 encryption) that GnuPG 2.2 reads', async () => {
    expect(keys.sender.privateKey.keyPacket.version).toBe(4);
    expect(keys.sender.privateKey.getAlgorithmInfo()).toMatchObject({
      algorithm: 'eddsaLegacy',
      curve: 'ed25519Legacy',
    });
    const encryption = await keys.receiver.publicKey.getEncryptionKey();
    expect(encryption.getAlgorithmInfo()).toMatchObject({ algorithm: 'ecdh', curve: 'curve25519Legacy' });
  });

  it('opens what it sealed, for the receiver and (as its own copy) for the sender', async () => {
    const payload = samplePayload();
    const sealed = await seal(keys, payload);
    expect(await open(keys, sealed)).toEqual(payload);
    const asSender = { ...keys, receiver: keys.sender };
    expect(await open(asSender, sealed)).toEqual(payload);
    await expect(oneExchange(keys, payload)).resolves.toBeUndefined();
  });

  it('refuses a sealed request signed by another key', async () => {
    const stranger = await readExchangeKeys(await generateExchangeKeys());
    const forged = await seal({ sender: stranger.sender, receiver: keys.receiver }, samplePayload());
    await expect(open(keys, forged)).rejects.toThrow();
  });

  it('refuses a receipt signature over another receipt', async () => {
    const sealed = await seal(keys, samplePayload());
    const receipt = receiptFor(sealed);
    const signature = await signReceipt(keys, receipt);
    await expect(verifyReceipt(keys, receipt, signature)).resolves.toBeUndefined();
    await expect(verifyReceipt(keys, receiptFor(sealed), signature)).rejects.toThrow();
  });
});
