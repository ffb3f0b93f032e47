import type { RecordedEvent } from '@xb/event-store';
import { plainParticularsReport, renderPlainParticulars } from './plain-particulars';

const event = (position: bigint, streamId: string, data: unknown): RecordedEvent => ({
  streamId,
  revision: 0n,
  position,
  id: `e-${position}`,
  type: 'RepatriationRequested',
  data,
  metadata: {
    correlationId: 'c',
    actor: 'officer:1',
    occurredAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 1,
  },
  dataBytes: new Uint8Array(),
  metadataBytes: new Uint8Array(),
  recordedAt: '2026-01-01T00:00:00.000Z',
});

async function* of(events: RecordedEvent[]) {
  yield* events;
}

describe('events written before sealing', () => {
  it('lists the events holding plain particulars by stream, position and path, never by value', async () => {
    const plainVictim = { name: { original: 'Lò Thị Mẫu', romanised: 'Lo Thi Mau' }, sex: 'female' };
    const sealed = { $sealed: 'person:p-1', box: 'AAAA', record: 'person', sex: 'female' };
    const report = await plainParticularsReport(
      of([
        event(1n, 'repatriation-a', { victim: plainVictim, circumstances: 'Found in Hekou' }),
        event(2n, 'audit-seals', { chainHead: 'ab' }),
        event(3n, 'repatriation-a', { details: 'Sent back to Lai Chau' }),
        event(4n, 'repatriation-b', { victim: sealed, circumstances: { $sealed: 'case:b', box: 'BBBB' } }),
      ]),
    );
    expect(report).toEqual({
      eventsRead: 4,
      eventsWithPlainParticulars: 2,
      lastPlainPosition: '3',
      streams: [
        {
          streamId: 'repatriation-a',
          events: 2,
          firstPosition: '1',
          lastPosition: '3',
          paths: ['circumstances', 'details', 'victim'],
        },
      ],
    });
    expect(renderPlainParticulars(report)).not.toMatch(/Lo Thi Mau|Hekou|Lai Chau/);
  });
});
