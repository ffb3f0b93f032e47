import { DECIDERS } from '@xb/domain';
import { recordInMemory } from '../testing/record-in-memory';
import { foldUpTo } from './fold';

const stream = recordInMemory().filter(
  (e) => e.streamId === 'repatriation-0193a7b2-0000-7000-8000-00000000c001',
);
const decider = DECIDERS.repatriation as never;

describe('folding a case up to a moment', () => {
  it.each([
    ['2026-07-01T00:00:00Z', 0, 'none'],
    ['2026-07-02T02:00:00Z', 1, 'requested'], // an event exactly at the moment is included
    ['2026-07-10T00:00:00Z', 2, 'accepted'],
    ['2026-07-15T00:00:00Z', 3, 'scheduled'],
    // The minutes co-signed at the gate (three events), then the hand-over.
    ['2026-07-20T02:50:00Z', 6, 'scheduled'],
    [undefined, 7, 'handed_over'],
  ])('at %s folds %i events: %s', (at, count, status) => {
    const folded = foldUpTo<{ status: string }>(decider, stream, at);
    expect(folded.events).toHaveLength(count);
    expect(folded.state.status).toBe(status);
    expect(folded.outOfOrder).toEqual([]);
  });

  it('stops at the first later event and reports later-stamped ones after it', () => {
    const skewed = [
      stream[0],
      stream[2],
      { ...stream[1], metadata: { ...stream[1].metadata, occurredAt: '2026-07-01T00:00:00Z' } },
    ];
    const folded = foldUpTo<{ status: string }>(decider, skewed, '2026-07-03T00:00:00Z');
    expect(folded.events).toEqual([stream[0]]);
    expect(folded.outOfOrder).toEqual([skewed[2]]);
  });
});
