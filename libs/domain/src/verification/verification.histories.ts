import { commandsOf } from '../testing/given';
import { PERSON, THEM, US } from '../testing/fixtures';
import { VerificationCommand } from './decide';
import { VerificationEvent } from './events';

// Shared by the verification specs: requests and the histories of both sides.
export const cmd = commandsOf<VerificationCommand>();

export const DEADLINE = '2026-11-30T10:00:00Z';
export const request = {
  subject: { role: 'victim' as const, person: PERSON },
  purposes: ['identity' as const],
  details: 'rescued 20 Nov',
  deadline: DEADLINE,
};
export const content = {
  caseId: '0193a7b2-0000-7000-8000-000000000101',
  requester: US,
  responder: THEM,
  ...request,
};
export const incoming = {
  caseId: '0193a7b2-0000-7000-8000-000000000101',
  requester: THEM,
  responder: US,
  ...request,
};

// Histories of both sides.
export const drafted: VerificationEvent = { type: 'VerificationRequestDrafted', data: content };
export const sent: VerificationEvent = {
  type: 'VerificationRequestSent',
  data: { ...content, outbound: { messageId: 'm-req', counterpart: THEM, kind: 'VerificationRequest' } },
};
export const delivered: VerificationEvent = {
  type: 'VerificationMessageDelivered',
  data: { messageId: 'm-req', kind: 'VerificationRequest' },
};
export const moreNeeded: VerificationEvent = {
  type: 'VerificationAnswered',
  data: {
    outcome: 'more_information_needed',
    findings: 'need a photo',
    round: 1,
    inbound: { messageId: 'in-ans', counterpart: THEM },
  },
};
export const confirmed: VerificationEvent = {
  type: 'VerificationAnswered',
  data: {
    outcome: 'confirmed',
    findings: 'registered resident',
    answers: { identity: 'confirmed' },
    round: 1,
    inbound: { messageId: 'in-ans', counterpart: THEM },
  },
};
export const received: VerificationEvent = {
  type: 'VerificationRequestReceived',
  data: { ...incoming, inbound: { messageId: 'in-req', counterpart: THEM } },
};
export const weAskedMore: VerificationEvent = {
  type: 'VerificationAnswered',
  data: {
    outcome: 'more_information_needed',
    findings: 'need a photo',
    round: 1,
    outbound: { messageId: 'm-ans', counterpart: THEM, kind: 'VerificationAnswer', inReplyTo: 'in-req' },
  },
};
