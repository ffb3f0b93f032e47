// A process that starts a crypto pool of two children, prints their pids and waits to be killed: the
// pool spec SIGKILLs it and checks that the children leave with it. Run with the repository's test loader.
import { generateAgencyKey, readAgencyPrivateKey, readPublicKeyCached, TrustStore, v1 } from '@xb/envelope';
import { PooledCodec } from '../pooled-codec';

async function main(): Promise<void> {
  const generated = await generateAgencyKey({ agencyId: 'VN.BGC.LAICHAU' });
  const privateKey = await readAgencyPrivateKey(generated.privateKeyArmored);
  const pool = await PooledCodec.start({
    agencyId: 'VN.BGC.LAICHAU',
    ownKeys: { current: privateKey, all: [privateKey] },
    ownPublicKey: await readPublicKeyCached(generated.publicKeyArmored),
    trustStore: new TrustStore([]),
    defaults: { channel: v1.Channel.CHANNEL_BORDER_GUARD_PROVINCIAL, handling: {} },
    size: 2,
  });
  process.stdout.write(`children ${pool.pids.join(' ')}\n`);
  setInterval(() => undefined, 60_000);
}

void main();
