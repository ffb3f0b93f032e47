import { v7 as uuidv7 } from 'uuid';
import { isDomainError, noticeDecider } from '@xb/domain';
import { EventStore, handleCommand } from '@xb/event-store';

/** ~1 KiB of synthetic free text (no particulars), the size of the raw crypto suite's payload. */
const CONTENT = 'Synthetic benchmark text about a recruitment pattern seen on the border. '.repeat(13);

/**
 * Queues one information notice from `sender` to `counterpart` as an officer's command would (a
 * decider run and an append to the sender's store); the sender's relay seals and sends it. Returns its case id.
 */
export async function queueNotice(store: EventStore, sender: string, counterpart: string): Promise<string> {
  const caseId = uuidv7();
  const outcome = await handleCommand(store, noticeDecider, caseId, {
    type: 'SendInformationNotice',
    data: { caseId, counterpart, category: 'criminal_method', title: 'Benchmark notice', content: CONTENT },
    metadata: { now: new Date().toISOString(), actor: 'officer:bench', agencyId: sender, newIds: [uuidv7()] },
  });
  if (isDomainError(outcome)) throw new Error(`notice refused: ${outcome.code} ${outcome.reason}`);
  return caseId;
}

/**
 * Queues one notice through the sender node's HTTP API (`POST /api/notices`) as an officer would: the
 * append happens in the node's own process, so its relay wakes at once instead of at the store's
 * cross-process poll. Returns the case id the node chose.
 */
export function apiQueue(baseUrl: string, token: string, counterpart: string): () => Promise<string> {
  const body = JSON.stringify({
    counterpart,
    category: 'criminal_method',
    title: 'Benchmark notice',
    content: CONTENT,
  });
  return async () => {
    const response = await fetch(`${baseUrl}/api/notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const answer = (await response.json()) as { caseId?: string };
    if (response.status !== 201 || !answer.caseId)
      throw new Error(
        `POST /api/notices answered ${response.status}: ${JSON.stringify(answer).slice(0, 200)}`,
      );
    return answer.caseId;
  };
}
