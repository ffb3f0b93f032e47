// Entry of one crypto child of the pooled codec (pooled-codec.ts): an EnvelopeCodec built from the keys
// the parent sends over the IPC channel, answering seal / open / signReceipt calls one message at a time
// in arrival order. It holds no state of its own beyond the keys and the trust store's copy.
import * as openpgp from 'openpgp';
import { InvalidEnvelopeInput, TrustStore } from '@xb/envelope';
import { EnvelopeCodec } from '../envelope-codec';
import {
  CallError,
  CodecCall,
  FromChild,
  privateKeysOf,
  toWire,
  ToChild,
  trustEntriesOf,
  TrustSnapshot,
} from './pool-messages';

interface Loaded {
  codec: EnvelopeCodec;
  trust: TrustStore;
  trustVersion: number;
}

const send = (message: FromChild): void => {
  process.send!(message);
};

// Messages are handled strictly in arrival order: a trust snapshot sent before a call is in place
// before the call runs, because each message waits for the one before it to be taken in.
let loaded: Promise<Loaded> | undefined;

function onMessage(message: ToChild): void {
  switch (message.kind) {
    case 'init':
      loaded = load(message).then(
        (ready) => {
          send({ kind: 'ready' });
          return ready;
        },
        (error: unknown) => {
          send({ kind: 'init-failed', message: messageOf(error) });
          process.exit(1);
        },
      );
      return;
    case 'trust':
      loaded = loaded!.then(async (ready) => replaceTrust(ready, message.trust));
      return;
    case 'call': {
      const { id, trustVersion, call } = message;
      void loaded!.then(async (ready) => {
        try {
          // The parent sends a newer snapshot before the first call that needs it; a call that finds
          // another version here would run on a trust store the node no longer (or not yet) holds.
          if (trustVersion !== ready.trustVersion)
            throw new Error(
              `crypto child holds trust store version ${ready.trustVersion}, the call needs ${trustVersion}`,
            );
          send({ kind: 'done', id, value: await run(ready.codec, call) });
        } catch (error) {
          send({ kind: 'failed', id, error: callErrorOf(error) });
        }
      });
      return;
    }
  }
}

async function load(init: Extract<ToChild, { kind: 'init' }>): Promise<Loaded> {
  const all = await privateKeysOf(init.keys);
  const trust = new TrustStore(await trustEntriesOf(init.trust));
  const codec = new EnvelopeCodec({
    agencyId: init.keys.agencyId,
    ownKeys: { current: all[0]!, all },
    ownPublicKey: await openpgp.readKey({ binaryKey: init.keys.ownPublicKey }),
    trustStore: trust,
    defaults: init.keys.defaults,
  });
  return { codec, trust, trustVersion: init.trust.version };
}

async function replaceTrust(ready: Loaded, snapshot: TrustSnapshot): Promise<Loaded> {
  ready.trust.replace(await trustEntriesOf(snapshot));
  return { ...ready, trustVersion: snapshot.version };
}

async function run(codec: EnvelopeCodec, call: CodecCall) {
  switch (call.op) {
    case 'seal':
      return codec.seal(call.message, call.sentAt);
    case 'open':
      return toWire(await codec.open(call.bytes, call.now));
    case 'signReceipt':
      return codec.signReceipt(call.receipt, call.to);
  }
}

function callErrorOf(error: unknown): CallError {
  if (error instanceof InvalidEnvelopeInput)
    return { name: error.name, message: error.message, problems: error.problems };
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

if (!process.send) {
  console.error('codec-child runs only as a child forked by the pooled codec');
  process.exit(2);
}
process.on('message', onMessage);
// The parent is gone (stopped, crashed or SIGKILLed) when its end of the channel closes: a child left
// behind would hold the agency's private keys for nothing.
process.on('disconnect', () => process.exit(0));
