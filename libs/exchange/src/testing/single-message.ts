/**
 * Test support: one message of one case, for specs that map single events and payloads (no
 * conversation). Shared so each spec does not build its own copy.
 */
import { RecordedEvent } from '@xb/event-store';
import { InboundHeader } from '../ports';
import { CN, NOW, VN } from './wire-conversation';

export const caseId = '0193a7e2-0000-4000-8000-0000000000f1';
export const messageId = '01900000-0000-7000-8000-0000000000f1';
export const outbound = (kind: string) => ({ outbound: { messageId, counterpart: CN, kind } });

export const recorded = (category: string, type: string, data: unknown): RecordedEvent => ({
  streamId: `${category}-${caseId}`,
  revision: 0n,
  position: 1n,
  id: messageId,
  type,
  data,
  metadata: {} as RecordedEvent['metadata'],
  dataBytes: new Uint8Array(),
  metadataBytes: new Uint8Array(),
  recordedAt: NOW,
});

export const header = (payloadType: string, extra: Partial<InboundHeader> = {}): InboundHeader => ({
  messageId,
  correlationId: caseId,
  sender: CN,
  recipient: VN,
  payloadType,
  sentAt: NOW,
  ...extra,
});

export const context = { agencyId: VN, now: NOW };
