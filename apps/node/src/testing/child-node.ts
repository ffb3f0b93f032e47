/**
 * A node in a child process, for tests that kill it (SIGKILL) and start it again. Settings come from
 * the environment as for `npm start`; prints `ready` once its roles run. Run with
 *   node -r libs/event-store/src/testing/register-ts.cjs apps/node/src/testing/child-node.ts
 */
import { startNode } from '../node-app';

startNode(process.env, {
  logger: false,
  resendTickMs: Number(process.env.XB_TEST_RESEND_TICK_MS ?? 1000),
}).then(
  (running) => {
    process.stdout.write('ready\n');
    process.on('SIGTERM', () =>
      running.stop().then(
        () => process.exit(0),
        (error) => {
          process.stderr.write(`child node: error while stopping: ${String(error)}\n`);
          process.exit(1);
        },
      ),
    );
  },
  (error) => {
    process.stderr.write(`child node failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
