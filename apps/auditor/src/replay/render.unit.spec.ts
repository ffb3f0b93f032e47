import { flatten } from './render';

describe('the replayed state as lines', () => {
  it('flattens nested records and lists to path: value lines', () => {
    expect(
      flatten(
        {
          status: 'scheduled',
          children: [{ childId: 'c1', handedOver: false }],
          trail: { inboundMessageIds: [] },
          round: 2,
          gone: undefined,
        },
        '',
      ),
    ).toEqual([
      'status: scheduled',
      'children[0].childId: c1',
      'children[0].handedOver: false',
      'trail.inboundMessageIds: (none)',
      'round: 2',
    ]);
  });
});
