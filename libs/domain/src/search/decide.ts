import { Command, DomainError, isDomainError } from '../decider';
import {
  inboundOf,
  invalidTransition,
  isAgencyId,
  isNonEmptyText,
  isOptionalText,
  isUuid,
  MessageMarker,
  messageMarker,
  Origin,
  outboundOf,
  Problems,
  problems,
  refuseIf,
  refuseUnlessLocal,
  StepRule,
  validationFailed,
} from '../shared';
import {
  FollowOnLink,
  SearchAcknowledgement,
  SearchEvent,
  SearchNames,
  SearchOutcomeBase,
  SearchPrefix,
  SearchProgress,
  SearchRequestBase,
} from './events';
import { SearchCase, SearchSide, SearchStatus } from './state';

/** The step commands every search process has, named from its prefix. */
export type SearchStepName<P extends SearchPrefix> =
  | `Acknowledge${P}`
  | `Record${P}Acknowledgement`
  | `Report${P}Progress`
  | `Receive${P}Progress`
  | `Record${P}Outcome`
  | `LinkCaseTo${P}`
  | `Receive${P}CaseLink`;

/** The request's fields as officers and counterparts send them (the agencies come from the exchange). */
export type SearchRequestData<C extends SearchRequestBase> = Omit<C, 'requestingAgency' | 'requestedAgency'>;

/** What a search process decides its own way: its request's checks and content, its outcomes. */
export interface SearchSpec<
  P extends SearchPrefix,
  C extends SearchRequestBase,
  O extends SearchOutcomeBase,
  F extends string,
  OE,
> extends SearchNames<P, O> {
  /** The commands by which our officers record each outcome (`RecordPersonRescued` → `rescued`). */
  readonly outcomeCommands: { readonly [command: string]: O['outcome'] };
  /** The processes a link may name. */
  readonly followOn: readonly F[];
  /** Where an outcome is held to fewer statuses than `searching` (`located` only once acknowledged). */
  readonly outcomeFrom: { readonly [K in O['outcome']]?: readonly SearchStatus<O['outcome']>[] };
  /** The request's fields that are wrong; `local` holds our officers to what a counterpart is not. */
  readonly requestProblems: (data: SearchRequestData<C>, now: string, local: boolean) => Problems;
  /** The request's content as both sides keep it. */
  readonly content: (data: SearchRequestData<C>, requestingAgency: string, requestedAgency: string) => C;
  /** The outcome's fields that are wrong (`outcome` for an unknown one). */
  readonly outcomeProblems: (outcome: O, now: string, local: boolean) => Problems;
  /** The outcome's event. */
  readonly outcomeEvent: (outcome: O, marker: MessageMarker) => OE;
}

type Decision<P extends SearchPrefix, C extends SearchRequestBase, F extends string, OE> =
  readonly (SearchEvent<P, C, F> | OE)[] | DomainError;

/** The opening commands: ours asks `counterpart`, the inbound one comes from it. */
export type SearchOpening<P extends SearchPrefix, C extends SearchRequestBase> =
  | Command<`Request${P}`, SearchRequestData<C> & { readonly counterpart: string }>
  | Command<`Receive${P}Request`, SearchRequestData<C>>;

/** A step command as the shared life cycle reads it: which step, and its data as sent (checked below). */
type StepOf<O extends SearchOutcomeBase, F extends string> =
  | { readonly step: 'acknowledge'; readonly data: Partial<SearchAcknowledgement> }
  | { readonly step: 'progress'; readonly data: Partial<SearchProgress> }
  | { readonly step: 'outcome'; readonly data: O | undefined }
  | { readonly step: 'link'; readonly data: Partial<FollowOnLink<F>> };

/**
 * The step a command takes, by its name. Command names are the process's (built from the same prefix
 * and table as its command union), and every field of the data is checked before it is used, as it
 * comes from officers and counterparts: this is the one place a command's data type is asserted.
 */
const stepOf = <P extends SearchPrefix, O extends SearchOutcomeBase, F extends string>(
  names: SearchNames<P, O> & { readonly outcomeCommands: { readonly [command: string]: O['outcome'] } },
  command: Command,
): StepOf<O, F> | undefined => {
  const p = names.prefix;
  const data = command.data ?? {};
  const outcome = names.outcomeCommands[command.type];
  if (outcome !== undefined) return { step: 'outcome', data: { ...data, outcome } as O };
  const steps: Readonly<Record<string, StepOf<O, F>['step']>> = {
    [`Acknowledge${p}`]: 'acknowledge',
    [`Record${p}Acknowledgement`]: 'acknowledge',
    [`Report${p}Progress`]: 'progress',
    [`Receive${p}Progress`]: 'progress',
    [`Record${p}Outcome`]: 'outcome',
    [`LinkCaseTo${p}`]: 'link',
    [`Receive${p}CaseLink`]: 'link',
  };
  const step = steps[command.type];
  return step === undefined ? undefined : ({ step, data } as StepOf<O, F>);
};

/**
 * The shared life cycle's `open` and `step` for a process's `caseDecide` (each step's rule was checked
 * by the skeleton before): open, acknowledge, report progress, record an outcome, link a follow-on case.
 */
export const searchDecide = <
  P extends SearchPrefix,
  C extends SearchRequestBase,
  O extends SearchOutcomeBase,
  F extends string,
  OE,
>(
  spec: SearchSpec<P, C, O, F, OE>,
) => {
  type Case = SearchCase<C, O['outcome'], F>;
  const p = spec.prefix;
  const held: { readonly [outcome: string]: readonly string[] | undefined } = spec.outcomeFrom;

  /** Opens a case: our request to a counterpart, or a counterpart's request to us. */
  const open = (command: SearchOpening<P, C>): Decision<P, C, F, OE> => {
    const us = command.metadata.agencyId;
    // Officers' and counterparts' data is checked field by field; a missing body is checked as empty.
    const data = command.data ?? ({} as SearchRequestData<C>);
    if (command.type === `Receive${p}Request`) {
      const inbound = inboundOf(command);
      if (isDomainError(inbound)) return inbound;
      const invalid = refuseIf(spec.requestProblems(data, command.metadata.now, false));
      if (invalid) return invalid;
      return [
        { type: `${p}RequestReceived`, data: { ...spec.content(data, inbound.counterpart, us), inbound } },
      ];
    }
    const counterpart = 'counterpart' in data ? data.counterpart : undefined;
    const invalid =
      refuseUnlessLocal(command) ??
      refuseIf([
        ...problems({ counterpart: isAgencyId(counterpart) && counterpart !== us }),
        ...spec.requestProblems(data, command.metadata.now, true),
      ]);
    if (invalid) return invalid;
    if (!isAgencyId(counterpart)) return validationFailed(['counterpart']);
    const outbound = outboundOf(command, counterpart, `${p}Request`);
    if (isDomainError(outbound)) return outbound;
    return [{ type: `${p}Requested`, data: { ...spec.content(data, us, counterpart), outbound } }];
  };

  const acknowledge = (data: Partial<SearchAcknowledgement>, marker: () => MessageMarker | DomainError) => {
    const { assignedUnit, note } = data;
    const checked =
      refuseIf(
        problems({ assignedUnit: isOptionalText(assignedUnit, 300), note: isOptionalText(note, 2000) }),
      ) ?? marker();
    if (isDomainError(checked)) return checked;
    const kept = {
      ...(typeof assignedUnit === 'string' ? { assignedUnit } : {}),
      ...(typeof note === 'string' ? { note } : {}),
    };
    return [{ type: `${p}Acknowledged` as const, data: { ...kept, ...checked } }];
  };

  const report = ({ summary }: Partial<SearchProgress>, marker: () => MessageMarker | DomainError) => {
    if (!isNonEmptyText(summary, 10_000)) return validationFailed(['summary']);
    const checked = marker();
    if (isDomainError(checked)) return checked;
    return [{ type: `${p}ProgressReported` as const, data: { summary, ...checked } }];
  };

  const recordOutcome = (command: Command, state: Case, origin: Origin, outcome: O | undefined) => {
    if (outcome === undefined) return validationFailed(['outcome']);
    const from = held[outcome.outcome];
    if (from !== undefined && !from.includes(state.status))
      return invalidTransition(`${command.type} (${outcome.outcome})`, state.status);
    const marker =
      refuseIf(spec.outcomeProblems(outcome, command.metadata.now, 'local' in origin)) ??
      messageMarker(command, origin, state.counterpart, `${p}Outcome`, state.requestMessageId);
    if (isDomainError(marker)) return marker;
    return [spec.outcomeEvent(outcome, marker)];
  };

  const link = (command: Command, state: Case, origin: Origin, data: Partial<FollowOnLink<F>>) => {
    const { process, linkedCaseId } = data;
    const known = spec.followOn.find((candidate) => candidate === process);
    const wrong = problems({
      process: known !== undefined,
      linkedCaseId: isUuid(linkedCaseId) && linkedCaseId !== state.caseId,
    });
    if (wrong.length > 0 || known === undefined || !isUuid(linkedCaseId)) return validationFailed(wrong);
    // Linking is idempotent: both sides may link the same case.
    if (state.linkedCases.some((one) => one.process === known && one.linkedCaseId === linkedCaseId))
      return [];
    const marker = messageMarker(command, origin, state.counterpart, `${p}CaseLink`);
    if (isDomainError(marker)) return marker;
    return [{ type: `${p}CaseLinked` as const, data: { process: known, linkedCaseId, ...marker } }];
  };

  const step = (command: Command, state: Case, origin: Origin): Decision<P, C, F, OE> => {
    const step = stepOf<P, O, F>(spec, command);
    const marker = (kind: `${P}${'Acknowledgement' | 'Progress'}`) => () =>
      messageMarker(command, origin, state.counterpart, kind, state.requestMessageId);
    switch (step?.step) {
      case undefined:
        return validationFailed(['type']);
      case 'acknowledge':
        return acknowledge(step.data, marker(`${p}Acknowledgement`));
      case 'progress':
        return report(step.data, marker(`${p}Progress`));
      case 'outcome':
        return recordOutcome(command, state, origin, step.data);
      case 'link':
        return link(command, state, origin, step.data);
    }
  };
  return { open, step };
};

/**
 * Who takes each shared step and from which statuses (inbound steps are taken by the counterpart);
 * the process adds the rules of its own outcome commands.
 */
export const searchRules = <P extends SearchPrefix, X extends string>(
  prefix: P,
  {
    searching,
    linkFrom,
  }: { readonly searching: readonly SearchStatus<X>[]; readonly linkFrom: readonly SearchStatus<X>[] },
): { readonly [T in SearchStepName<P>]: StepRule<SearchStatus<X>, SearchSide> } => {
  const rules: Readonly<Record<string, StepRule<SearchStatus<X>, SearchSide>>> = {
    [`Acknowledge${prefix}`]: { by: 'requested', from: ['requested'], inbound: false },
    [`Record${prefix}Acknowledgement`]: { by: 'requested', from: ['requested'], inbound: true },
    [`Report${prefix}Progress`]: { by: 'either', from: searching, inbound: false },
    [`Receive${prefix}Progress`]: { by: 'either', from: searching, inbound: true },
    [`Record${prefix}Outcome`]: { by: 'requested', from: searching, inbound: true },
    [`LinkCaseTo${prefix}`]: { by: 'either', from: linkFrom, inbound: false },
    [`Receive${prefix}CaseLink`]: { by: 'either', from: linkFrom, inbound: true },
  };
  // The keys above are the step names from `prefix`, one by one: the table is complete.
  return rules as { readonly [T in SearchStepName<P>]: StepRule<SearchStatus<X>, SearchSide> };
};
