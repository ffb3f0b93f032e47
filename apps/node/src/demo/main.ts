import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalKafka, stopLocalKafka, waitFor, waitForKafkaCoordinator } from '@xb/testing';
import { mintLocalToken } from '../auth/tokens';
import { introduceAgencies } from '../keys/introduce';
import { addDemoOfficers, DEMO_OFFICER } from '../officers/demo-officer';
import { RunningNode, startNode } from '../node-app';
import { OfficerClient } from './officer-client';
import { CaseOutcome, DemoNodes, runScenario } from './scenario';
import { TimelinePrinter } from './timeline-printer';

/**
 * The README's main job: a local Kafka, three agency nodes (VN.BGC.LAICHAU; CN.YN.BORDERPOLICE and
 * LA.PHONGSALY.POLICE, each answering Vietnam's requests through its responder) with their own stores
 * and keys, every one trusting the others, a scenario across both borders printed as it happens, then
 * the APIs left up for a person to explore (`--once`: exit when the scenario ends).
 *
 * Settings: KAFKA_BROKERS (use that cluster, start none), DEMO_KAFKA_PORT (9092), DEMO_VN_PORT (3000),
 * DEMO_CN_PORT (3001), DEMO_LA_PORT (3002), DEMO_DIR (.local/demo, emptied at start).
 */
const VN = 'VN.BGC.LAICHAU';
const CN = 'CN.YN.BORDERPOLICE';
const LA = 'LA.PHONGSALY.POLICE';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { once: { type: 'boolean', default: false } } });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const root = path.resolve(process.env.DEMO_DIR ?? '.local/demo');
  const kafkaPort = Number(process.env.DEMO_KAFKA_PORT ?? 9092);
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.reverse())
      await part.stop().catch((error) => say(`while stopping: ${String(error)}`));
    started.length = 0;
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));
  try {
    let brokers = process.env.KAFKA_BROKERS;
    if (!brokers) {
      say(`starting a local Kafka broker on 127.0.0.1:${kafkaPort} ...`);
      brokers = await startLocalKafka(kafkaPort);
      started.push({ stop: () => stopLocalKafka(kafkaPort) });
      await waitForKafkaCoordinator([brokers]);
    }
    fs.rmSync(root, { recursive: true, force: true });
    const agencies = [
      {
        agencyId: VN,
        dataDir: path.join(root, 'vn'),
        port: process.env.DEMO_VN_PORT ?? '3000',
        roles: 'api,gateway,projector,sealer',
      },
      {
        agencyId: CN,
        dataDir: path.join(root, 'cn'),
        port: process.env.DEMO_CN_PORT ?? '3001',
        roles: 'api,gateway,projector,sealer,responder',
      },
      {
        agencyId: LA,
        dataDir: path.join(root, 'la'),
        port: process.env.DEMO_LA_PORT ?? '3002',
        roles: 'api,gateway,projector,sealer,responder',
      },
    ];
    say('generating agency keys and exchanging public keys ...');
    await introduceAgencies(agencies);
    const officerPassword = await addDemoOfficers(agencies);
    const nodes: RunningNode[] = [];
    for (const agency of agencies) {
      const node = await startNode(
        {
          XB_AGENCY_ID: agency.agencyId,
          XB_DATA_DIR: agency.dataDir,
          XB_HTTP_PORT: agency.port,
          XB_ROLES: agency.roles,
          KAFKA_BROKERS: brokers,
        },
        { logger: false },
      );
      started.push(node);
      nodes.push(node);
      const printer = new TimelinePrinter(agency.agencyId, node.node.store, say);
      printer.start();
      started.push(printer);
    }
    const tokens = await Promise.all(
      agencies.map((a) =>
        mintLocalToken(path.join(a.dataDir, 'auth'), {
          id: `demo-officer-${a.agencyId.slice(0, 2).toLowerCase()}`,
          agency: a.agencyId,
          roles: ['liaison_officer', 'border_guard_command', 'auditor'],
        }),
      ),
    );
    const [vn, cn, la] = nodes.map((n, i) => new OfficerClient(agencies[i].agencyId, n.url!, tokens[i]));
    const demoNodes: DemoNodes = { vn, cn, la };
    say(`nodes up: ${VN} ${nodes[0].url}, ${CN} ${nodes[1].url} (responder), ${LA} ${nodes[2].url} (responder)\n`);

    const outcomes = await runScenario(demoNodes, say);
    const ok = await summarize(outcomes, say);
    if (values.once) {
      await stopAll();
      return ok ? 0 : 1;
    }
    say(
      `\nThe APIs stay up. Browse ${nodes.map((n) => `${n.url}/docs`).join(', ')} (Authorize with a token).`,
    );
    agencies.forEach((a, i) => say(`token for ${a.agencyId}: ${tokens[i]}`));
    nodes.forEach((n, i) =>
      say(`console of ${agencies[i].agencyId}: ${n.url}/ (${DEMO_OFFICER} / ${officerPassword})`),
    );
    say('Ctrl-C stops the nodes and the broker.');
    await new Promise(() => undefined);
    return 0;
  } catch (error) {
    say(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll();
    return 1;
  }
}

async function summarize(outcomes: CaseOutcome[], say: (line: string) => void): Promise<boolean> {
  say('\nfinal states:');
  let ok = true;
  for (const outcome of outcomes) {
    const reachedStates = await Promise.all(
      outcome.expected.map(({ client, status }) => finalStatus(client, outcome, status)),
    );
    const reached = outcome.expected.every(({ status }, i) => reachedStates[i] === status);
    ok &&= reached;
    const sides = outcome.expected.map(
      ({ client }, i) => `${client.agencyId}: ${String(reachedStates[i])}`.padEnd(34),
    );
    say(`  ${reached ? 'OK  ' : 'FAIL'} ${outcome.process.padEnd(20)} ${sides.join(' ')} ${outcome.caseId}`);
  }
  return ok;
}

/** The case's status once it is `expected` (waiting up to 30 s), or whatever it is when the wait ends. */
async function finalStatus(
  client: OfficerClient,
  outcome: CaseOutcome,
  expected: string,
): Promise<string | undefined> {
  const status = () => client.status(outcome.resource, outcome.caseId);
  return waitFor(
    `${outcome.process} final on ${client.agencyId}`,
    async () => ((await status()) === expected ? expected : undefined),
    {
      timeoutMs: 30_000,
    },
  ).catch(status);
}

main().then((code) => process.exit(code));
