import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../testing/node-pair';

const repo = path.resolve(__dirname, '../../../..');

describe('the README main job (the two-node demo)', () => {
  it('runs the scenario with --once and every process reaches its final state on both nodes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-demo-'));
    try {
      // The real command, built and run as a person would (the broker is the test run's).
      const result = spawnSync('npm', ['start', '--silent', '--', '--once'], {
        cwd: repo,
        env: {
          ...process.env,
          DEMO_DIR: dir,
          DEMO_VN_PORT: String(await freePort()),
          DEMO_CN_PORT: String(await freePort()),
        },
        encoding: 'utf8',
        timeout: 280_000,
      });
      const output = `${result.stdout}\n${result.stderr}`;
      expect({ status: result.status, output: result.status === 0 ? 'ok' : output }).toEqual({
        status: 0,
        output: 'ok',
      });
      for (const process of [
        'verification',
        'repatriation',
        'suspect hand-over',
        'joint crackdown',
        'information notice',
      ]) {
        expect(output).toMatch(new RegExp(`OK +${process}`));
      }
      expect(output).toContain('Victim handed over with 1 child');
      expect(output).toContain('receipt: accepted');
      // Particulars stay out of the printed timeline.
      expect(output).not.toContain('Lò Thị Mẫu');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
