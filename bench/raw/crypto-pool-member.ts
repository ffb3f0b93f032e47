// Entry of one crypto pool member, as a worker thread or as a forked child process: it runs whole
// exchanges back to back in the windows the runner asks for and reports its rate per window.
import { parentPort } from 'node:worker_threads';
import { closedLoopRate } from '../harness/timing';
import { ExchangeKeys, oneExchange, readExchangeKeys, samplePayload } from './crypto-exchange';
import { FromMember, ToMember } from './pool-protocol';

const send = (message: FromMember): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send!(message);
};
let keys: ExchangeKeys | undefined;

async function handle(message: ToMember): Promise<void> {
  if (message.kind === 'init') {
    keys = await readExchangeKeys(message.keys);
    send({ kind: 'ready' });
    return;
  }
  const payload = samplePayload();
  const exchange = () => oneExchange(keys!, payload);
  if (message.warmupMs > 0) await closedLoopRate(message.warmupMs, exchange);
  const rates: number[] = [];
  for (let round = 0; round < message.rounds; round++)
    rates.push(await closedLoopRate(message.windowMs, exchange));
  send({ kind: 'result', rates });
}

const onMessage = (message: ToMember) =>
  handle(message).catch((error: unknown) =>
    send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );

if (parentPort) parentPort.on('message', onMessage);
else if (process.send) {
  process.on('message', onMessage);
  // An orphaned member must not keep burning a core after the bench died.
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('crypto-pool-member runs only as a worker thread or a forked child');
  process.exit(2);
}
