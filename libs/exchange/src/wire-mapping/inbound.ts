/** A counterpart's payload → the command of the process it belongs to, on this node. */
import { Command, INBOUND_COMMANDS, OUTBOUND_KINDS, OutboundKind, ProcessCategory } from '@xb/domain';
import { isPayloadType, PAYLOAD_MESSAGES, PayloadType, validateMessage } from '@xb/envelope';
import { InboundHeader } from '../ports';
import { headerCodesFromWire } from './header';
import { WIRE } from './table';
import { DEFAULT_INBOUND_POLICY, InboundContext, InboundMapping, InboundPolicy } from './types';

/** Payload types of the contract that are not case messages, so map to no process command. */
export const NON_CASE_PAYLOAD_TYPES: Readonly<Partial<Record<PayloadType, string>>> = {
  'xborder.v1.AuditSealHead': "the head of the sender's audit chain, kept by the audit side",
  'xborder.v1.ErasureNotice': "the sender's erasure of persons' particulars, put to an officer",
};

/** Whether some kind of message travels as `type` (the completeness spec checks every type). */
export const isCasePayloadType = (type: string): boolean =>
  OUTBOUND_KINDS.some((kind) => Object.prototype.hasOwnProperty.call(WIRE[kind].fromWire, type));

/** The kind a payload of `type` under `header` is: the one whose table lists the type and takes the header. */
const kindOf = (type: string, header: InboundHeader): OutboundKind | undefined =>
  OUTBOUND_KINDS.find(
    (kind) =>
      Object.prototype.hasOwnProperty.call(WIRE[kind].fromWire, type) && (WIRE[kind].when?.(header) ?? true),
  );

/**
 * The receiving command's data of kind K for a decoded payload. The payload type was looked up in the
 * kind's own table, so the message is of the type its mapper takes.
 */
const receivedDataOf = <K extends OutboundKind>(
  kind: K,
  type: string,
  message: unknown,
  context: InboundContext,
): InboundMapping<K> => {
  const mappers: Readonly<Record<string, (message: never, context: InboundContext) => InboundMapping<K>>> =
    WIRE[kind].fromWire;
  // Kind and payload type are chosen at run time, and TypeScript cannot correlate a union-keyed lookup
  // with its argument (microsoft/TypeScript#30581), so the mapper's parameter is satisfied by assertion.
  return mappers[type](message as never, context);
};

export interface InboundCommandContext {
  /** This node's agency id. */
  readonly agencyId: string;
  /** Now, as this node's clock sees it (ISO 8601). */
  readonly now: string;
  /** Ids the command may need (none of today's inbound commands queues a message). */
  readonly newIds?: readonly string[];
  /** Deadlines this node sets where the contract carries none; gate time convention. */
  readonly policy?: InboundPolicy;
}

export type InboundCommandResult =
  | {
      readonly ok: true;
      readonly category: ProcessCategory;
      readonly caseId: string;
      readonly command: Command;
    }
  | { readonly ok: false; readonly reason: 'UNSUPPORTED_TYPE' | 'INVALID_PAYLOAD'; readonly detail: string };

const refuse = (reason: 'UNSUPPORTED_TYPE' | 'INVALID_PAYLOAD', detail: string): InboundCommandResult => ({
  ok: false,
  reason,
  detail,
});

/**
 * The payload as a message instance of its type: `openEnvelope` gives an instance already (returned
 * as is); a plain object (camelCase, enums as numbers or names, Timestamps with number or Long
 * seconds) is converted. Undefined when it does not convert.
 */
const messageOf = (type: PayloadType, payload: Record<string, unknown>): unknown => {
  try {
    return PAYLOAD_MESSAGES[type].fromObject(payload);
  } catch {
    return undefined;
  }
};

/**
 * The command a counterpart's payload becomes here, with `metadata = { now, actor: 'agency:<sender>',
 * agencyId, messageId, causationId?, newIds? }`; the case id is the envelope's correlation id.
 *
 * This layer refuses what the wire cannot bring to a command: a payload type with no process
 * (`UNSUPPORTED_TYPE`), a payload that does not convert, breaks the contract's own rules, or lacks a
 * field the mapping needs to build the command (`INVALID_PAYLOAD`; detail = type and field names,
 * never values). Everything the domain requires beyond that (non-empty free text, plausible dates,
 * the sender being the case's counterpart, the status) is the decider's to refuse.
 */
export const inboundCommandOf = (
  header: InboundHeader,
  payload: Record<string, unknown>,
  context: InboundCommandContext,
): InboundCommandResult => {
  const type = header.payloadType;
  const kind = kindOf(type, header);
  if (!kind || !isPayloadType(type))
    return refuse('UNSUPPORTED_TYPE', `payload type ${header.payloadType} maps to no process here`);
  if (!header.correlationId) return refuse('INVALID_PAYLOAD', 'the header names no case (correlation id)');
  const message = messageOf(type, payload);
  if (message === undefined) return refuse('INVALID_PAYLOAD', `payload does not convert as ${type}`);
  const problems = validateMessage(type, message);
  if (problems.length > 0) {
    const detail = problems.map((p) => `${p.path} (${p.rule})`).join(', ');
    return refuse('INVALID_PAYLOAD', `${type}: ${detail}`);
  }
  const caseId = header.correlationId;
  const policy = { ...DEFAULT_INBOUND_POLICY, ...context.policy };
  const mapped = receivedDataOf(kind, type, message, { header, caseId, now: context.now, policy });
  if ('invalid' in mapped) return refuse('INVALID_PAYLOAD', `${type}: missing or unusable ${mapped.invalid}`);
  const { category, type: commandType } = INBOUND_COMMANDS[kind];
  const metadata = {
    now: context.now,
    actor: `agency:${header.sender}`,
    agencyId: context.agencyId,
    messageId: header.messageId,
    ...(header.causationId ? { causationId: header.causationId } : {}),
    ...(context.newIds ? { newIds: context.newIds } : {}),
    // The header's handling code and evaluation stay with what the message changed.
    ...headerCodesFromWire(header),
  };
  return { ok: true, category, caseId, command: { type: commandType, data: mapped, metadata } };
};
