import { AUDIT_SEALS_STREAM, buildSealEvent } from '../seal';
import { appendCaseEvents, referenceChain } from '../testing/fixtures';
import { InMemoryEventStore } from '../testing/in-memory-store';
import { measureVerify } from './measure-verify';

describe('measureVerify', () => {
  it('times a full walk and counts what it checked', async () => {
    const store = new InMemoryEventStore();
    await appendCaseEvents(store, 30);
    const at30 = (await referenceChain(store)).get(30n)!;
    const signer = { fingerprint: 'test', sign: async () => 'unchecked' };
    const claim = { agencyId: 'VN.X', position: 30n, chainHead: at30.head, count: at30.count };
    await store.appendToStream(AUDIT_SEALS_STREAM, [
      await buildSealEvent(claim, signer, '2026-11-23T05:00:00Z'),
    ]);

    const figure = await measureVerify(store);
    expect(figure).toMatchObject({ events: 31, seals: 1, ok: true });
    expect(figure.eventsPerSecond).toBeCloseTo(figure.events / figure.seconds);
    expect(figure.cpuSeconds).toBeGreaterThan(0);

    const refusing = await measureVerify(store, { verify: async () => false });
    expect(refusing).toMatchObject({ events: 31, seals: 0, ok: false });
  });
});
