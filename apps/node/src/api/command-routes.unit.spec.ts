import { isDomainError } from '@xb/domain';
import { COMMAND_ROUTES, deciderOfRoute } from './command-routes';
const metadata = {
  now: '2026-11-23T04:00:00Z',
  actor: 'officer:7',
  agencyId: 'VN.BGC.LAICHAU',
  newIds: ['0193a7b2-0000-7000-8000-0000000000aa'],
};

describe('API command routes', () => {
  it('has one route per resource and action', () => {
    const keys = COMMAND_ROUTES.map((r) => `${r.resource}/${r.action ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(COMMAND_ROUTES.filter((r) => !r.action).map((r) => [r.command, r] as const))(
    'the example of %s opens a case the decider accepts',
    (_name, route) => {
      const decider = deciderOfRoute(route);
      const data = route.example(new Date(metadata.now));
      // The example is an officer's at the side that opens such a case: China asks Vietnam to verify and
      // take back a victim, Vietnam asks China for the rest.
      const agencyId = data.counterpart === metadata.agencyId ? 'CN.YN.BORDERPOLICE' : metadata.agencyId;
      const command = {
        type: route.command,
        data: { caseId: '0193a7b2-0000-7000-8000-000000000001', ...data },
        metadata: { ...metadata, agencyId },
      };
      const result = decider.decide(command, decider.initialState());
      expect(isDomainError(result) ? result : 'accepted').toBe('accepted');
    },
  );

  it.each(COMMAND_ROUTES.map((r) => [r.command, r] as const))(
    '%s is a command its process knows',
    (_name, route) => {
      const decider = deciderOfRoute(route);
      const result = decider.decide(
        { type: route.command, data: route.example(new Date(metadata.now)), metadata },
        decider.initialState(),
      );
      // On a case that does not exist every known step is NOT_FOUND; an unknown type would say otherwise.
      if (route.action) expect(isDomainError(result) && result.code).toBe('NOT_FOUND');
    },
  );
});
