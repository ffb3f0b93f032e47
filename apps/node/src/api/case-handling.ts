import { HandlingCode, highestReceivedHandling, MessageTrail } from '@xb/domain';

const hasTrail = (state: object): state is { readonly trail: MessageTrail } =>
  'trail' in state && typeof state.trail === 'object' && state.trail !== null && 'messages' in state.trail;

/**
 * What a case view shows of its handling codes beside the state: the highest restriction the case
 * received from counterparts (each message's own code is in `state.trail.records` and the timeline).
 */
export const caseHandlingOf = (state: object): { readonly received?: HandlingCode } => {
  const received = hasTrail(state) ? highestReceivedHandling(state.trail) : undefined;
  return received ? { received } : {};
};
