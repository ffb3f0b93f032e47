import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_COMMAND_RECEIVED } from '@xb/audit';
import { loadState } from '@xb/event-store';
import { outboundMessageDecider } from '@xb/exchange';
import { waitFor } from '@xb/testing';
import { noticeDecider } from '@xb/domain';
import { COMMAND_ROUTES } from './api/command-routes';
import { RunningNode } from './node-app';
import { prepareAgencies, startTestNode, storeOf, TestAgency, tokenFor } from './testing/node-pair';

const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(new Date());
const FAST_RETRIES = {
  retryPolicy: { initialDelayMs: 200, multiplier: 2, maxDelayMs: 1_000, maxAttempts: 2 },
  resendTickMs: 50,
};

describe("an officer's re-send of a message the counterpart could not open", () => {
  jest.setTimeout(120_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  const nodes: RunningNode[] = [];

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE']));
  });

  afterAll(async () => {
    for (const node of nodes) await node.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is flagged unacknowledged while the counterpart lacks our key, re-sent once by command after the fix, and delivered', async () => {
    // The cause: the counterpart has not imported our key yet, so it refuses our envelopes unopened.
    const trustDir = path.join(cn.dataDir, 'trust');
    const ourKeyFile = fs.readdirSync(trustDir).find((f) => f.startsWith(`${vn.agencyId}.`))!;
    const heldAside = path.join(root, ourKeyFile);
    fs.renameSync(path.join(trustDir, ourKeyFile), heldAside);

    const vnNode = await startTestNode(vn, FAST_RETRIES);
    nodes.push(vnNode);
    let cnNode = await startTestNode(cn);
    nodes.push(cnNode);
    const token = await tokenFor(vn, { id: 'lo-vn-9', roles: ['liaison_officer'] });
    const post = async (url: string, body: unknown) => {
      const response = await fetch(`${vnNode.url}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const vnStore = storeOf(vn);
    try {
      const opened = await post('/api/notices', { ...example('SendInformationNotice'), counterpart: cn.agencyId });
      expect(opened.status).toBe(201);
      const caseId = opened.body.caseId as string;
      const messageId = await waitFor('the dispatch', async () =>
        (await vnStore.readAll())
          .find(
            (e) =>
              e.type === 'OutboundMessageDispatched' && (e.data as { category: string }).category === 'notice',
          )
          ?.streamId.slice('exchange-'.length),
      );
      await waitFor(
        'the message flagged unacknowledged',
        async () => (await loadState(vnStore, outboundMessageDecider, messageId)).status === 'unacknowledged',
      );
      // Not yet fixed is no reason to refuse: the officer decides. But a note of the fix is required.
      expect(await post(`/api/messages/${messageId}/resend`, {})).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED' },
      });

      // The fix: the counterpart imports our key (and restarts its node to load it).
      await cnNode.stop();
      nodes.splice(nodes.indexOf(cnNode), 1);
      fs.renameSync(heldAside, path.join(trustDir, ourKeyFile));
      cnNode = await startTestNode(cn);
      nodes.push(cnNode);

      const resent = await post(`/api/messages/${messageId}/resend`, example('ResendMessage'));
      expect(resent).toMatchObject({
        status: 200,
        body: { caseId: messageId, category: 'exchange', events: ['OutboundMessageResendRequested'] },
      });
      // Exactly once: a second request is refused while the first is under way or done.
      expect(await post(`/api/messages/${messageId}/resend`, example('ResendMessage'))).toMatchObject({
        status: 409,
      });

      await waitFor(
        'the delivery after the re-send',
        async () => (await loadState(vnStore, outboundMessageDecider, messageId)).status === 'delivered',
      );
      const notice = await waitFor('the case told of the delivery', async () => {
        const state = (await loadState(vnStore, noticeDecider, caseId)) as {
          trail?: { messages: Record<string, { delivery: string }> };
        };
        return state.trail?.messages[messageId]?.delivery === 'delivered' ? state : undefined;
      });
      expect(notice).toBeDefined();
      const stream = (await vnStore.readStream(`exchange-${messageId}`)).map((e) => e.type);
      // One request; the resender sends at once (and, on these fast retries, may flag it again before the
      // restarted counterpart answers); the receipt is the stream's last word.
      const requested = stream.indexOf('OutboundMessageResendRequested');
      expect(stream.filter((type) => type === 'OutboundMessageResendRequested')).toHaveLength(1);
      expect(stream[requested + 1]).toBe('OutboundMessageResent');
      expect(stream.at(-1)).toBe('OutboundMessageReceipted');
      expect(stream.filter((type) => type === 'OutboundMessageReceipted')).toHaveLength(1);
      // Audited like every command: who asked, for which message (never the note).
      const audited = (await vnStore.readAll()).filter(
        (e) =>
          e.type === AUDIT_COMMAND_RECEIVED &&
          (e.data as { commandType: string }).commandType === 'ResendMessage',
      );
      expect(audited.map((e) => e.data)).toEqual([
        expect.objectContaining({ actor: 'officer:lo-vn-9', caseId: messageId }),
        expect.objectContaining({ actor: 'officer:lo-vn-9', caseId: messageId }),
        expect.objectContaining({ actor: 'officer:lo-vn-9', caseId: messageId }),
      ]);
      expect(JSON.stringify(audited.map((e) => e.data))).not.toContain('renewed public key');
    } finally {
      await vnStore.close();
    }
  });
});
