import type { CommandView } from '@xb/console-contract';
import {
  Command,
  deciderOf,
  DomainError,
  DomainEvent,
  headerCodesOf,
  HeaderCodes,
  isDomainError,
  PROCESS_CATEGORIES,
  ProcessCategory,
  queuedMessageOf,
} from '@xb/domain';
import { EventStore, readStreamIfAny } from '@xb/event-store';
import { foldUpTo } from '../../../auditor/src/replay/fold';
import { COMMAND_ROUTES, CommandRoute, deciderOfRoute } from '../api/command-routes';
import { withholdParticulars } from '../api/particulars';
import { caseTimeline } from '../api/timeline';
import { Officer } from '../auth/roles';

const EXAMPLE_IDS = ['00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000002'];
const EXAMPLE_CASE = '00000000-0000-7000-8000-0000000000ca';

/**
 * The handling code and evaluation the message a decision queues goes with by default (its kind's row
 * in libs/domain dissemination.ts), for the form to pre-select; none when it queues no message.
 */
const defaultCodesOf = (decision: readonly DomainEvent[] | DomainError): { headerCodes?: HeaderCodes } => {
  if (isDomainError(decision)) return {};
  const queued = decision.map(queuedMessageOf).find((message) => message !== undefined);
  return queued ? { headerCodes: headerCodesOf(queued.kind) } : {};
};

/** The example's decision on a case not yet opened: the message an opening command queues. */
const openingDecision = (route: CommandRoute, now: Date) => {
  const decider = deciderOfRoute(route);
  const data = route.example(now);
  // An opening example asks the counterpart it names, so it is decided as the other agency's officer.
  const counterpart = typeof data.counterpart === 'string' ? data.counterpart : '';
  const command: Command = {
    type: route.command,
    data: { caseId: EXAMPLE_CASE, ...data },
    metadata: {
      now: now.toISOString(),
      actor: 'officer:console',
      agencyId: agencyOtherThan(counterpart),
      newIds: EXAMPLE_IDS,
    },
  };
  return decider.decide(command, decider.initialState());
};
const agencyOtherThan = (counterpart: string) =>
  counterpart.startsWith('VN.') ? 'CN.YN.BORDERPOLICE' : 'VN.BGC.LAICHAU';

/**
 * What the console shows of a command: the route table's row with its example as of the node's clock,
 * and the codes its message goes with unless the officer chooses others (`headerCodes`).
 */
export const commandView = (
  route: CommandRoute,
  now: Date,
  decision: readonly DomainEvent[] | DomainError = route.action ? [] : openingDecision(route, now),
): CommandView => ({
  resource: route.resource,
  ...(route.action ? { action: route.action } : {}),
  category: route.category,
  command: route.command,
  roles: route.roles,
  summary: route.summary,
  example: route.example(now),
  ...defaultCodesOf(decision),
});

/** The console's resource for a process (the first in the route table: `notice` → `notices`). */
export const resourceOf = (category: ProcessCategory) =>
  COMMAND_ROUTES.find((r) => r.category === category)!.resource;

/**
 * Refusals that mean "not at this step" rather than "not with this input". A hand-over waits for its
 * co-signed minutes (MINUTES_NOT_COSIGNED): its form shows once both sides have signed them.
 */
const NOT_NOW = new Set([
  'INVALID_TRANSITION',
  'NOT_PERMITTED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'MINUTES_NOT_COSIGNED',
]);

/**
 * The steps a case allows now, found by asking the process itself: each step of the resource is decided
 * (never recorded) on the case's current state with the route's example. A refusal of the step itself
 * (wrong status, wrong side) hides it; any other answer means the step is possible with the right input.
 * A new process thus gets its forms without console code.
 */
export async function nextActions(
  store: EventStore,
  category: ProcessCategory,
  caseId: string,
  officer: Officer,
  now: Date,
) {
  const decider = deciderOf(category);
  const stream = await readCase(store, category, caseId);
  if (!stream) return undefined;
  const state = foldUpTo(decider, stream, undefined).state;
  return COMMAND_ROUTES.filter((r) => r.category === category && r.action).map((route) => {
    const refusal = decider.decide(
      {
        type: route.command,
        data: route.example(now),
        metadata: {
          now: now.toISOString(),
          actor: `officer:${officer.id}`,
          agencyId: officer.agency,
          newIds: EXAMPLE_IDS,
        },
      },
      state,
    );
    const allowedNow = !(isDomainError(refusal) && NOT_NOW.has(refusal.code));
    const permitted = officer.roles.some((role) => route.roles.includes(role));
    return { ...commandView(route, now, refusal), allowedNow, permitted };
  });
}

/** A case as it stood at `at`: state folded from the events that occurred by then, and its timeline then. */
export async function caseAsOf(store: EventStore, category: ProcessCategory, caseId: string, at: string) {
  const stream = await readCase(store, category, caseId);
  if (!stream) return undefined;
  const folded = foldUpTo(deciderOf(category), stream, at);
  const timeline = ((await caseTimeline(store, `${category}-${caseId}`)) ?? []).filter(
    (e) => Date.parse(e.at) <= Date.parse(at),
  );
  return {
    caseId,
    category,
    at,
    state: withholdParticulars(folded.state),
    eventsFolded: folded.events.length,
    eventsAfter: stream.length - folded.events.length,
    timeline,
  };
}

/** The process of a case id: the one category that has a stream for it. */
export async function locateCase(store: EventStore, caseId: string) {
  for (const category of PROCESS_CATEGORIES) {
    if (await readCase(store, category, caseId, 1))
      return { category, resource: resourceOf(category), caseId };
  }
  return undefined;
}

const readCase = (store: EventStore, category: ProcessCategory, caseId: string, maxCount?: number) =>
  readStreamIfAny(store, `${deciderOf(category).category}-${caseId}`, maxCount ? { maxCount } : {});
