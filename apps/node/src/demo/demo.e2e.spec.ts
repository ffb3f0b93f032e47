import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../testing/node-pair';

const repo = path.resolve(__dirname, '../../../..');

describe('the README main job (the three-node demo)', () => {
  it('runs the scenario with --once and every process reaches its final state on each side', async () => {
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
          DEMO_LA_PORT: String(await freePort()),
        },
        encoding: 'utf8',
        timeout: 460_000,
      });
      const output = `${result.stdout}\n${result.stderr}`;
      expect({ status: result.status, output: result.status === 0 ? 'ok' : output }).toEqual({
        status: 0,
        output: 'ok',
      });
      for (const [process, sides] of [
        ['locate-and-rescue', 'VN.BGC.LAICHAU: rescued +CN.YN.BORDERPOLICE: rescued'],
        ['wanted person', 'VN.BGC.LAICHAU: arrested +CN.YN.BORDERPOLICE: arrested'],
        ['liaison meeting', 'VN.BGC.LAICHAU: closed +CN.YN.BORDERPOLICE: closed'],
        ['verification', 'CN.YN.BORDERPOLICE: closed +VN.BGC.LAICHAU: answered'],
        ['repatriation', 'CN.YN.BORDERPOLICE: received +VN.BGC.LAICHAU: referred'],
        ['suspect hand-over', 'VN.BGC.LAICHAU: handed_over +CN.YN.BORDERPOLICE: handed_over'],
        ['joint crackdown', 'VN.BGC.LAICHAU: closed +CN.YN.BORDERPOLICE: closed'],
        ['information notice', 'VN.BGC.LAICHAU: sent +CN.YN.BORDERPOLICE: processed'],
        [String.raw`verification \(Laos\)`, 'LA.PHONGSALY.POLICE: closed +VN.BGC.LAICHAU: answered'],
        [String.raw`notice \(Laos\)`, 'VN.BGC.LAICHAU: sent +LA.PHONGSALY.POLICE: processed'],
      ]) {
        expect(output).toMatch(new RegExp(`OK +${process} +${sides}`));
      }
      // The woman and her son are handed over by China and received in Vietnam; every node's timeline prints.
      expect(output).toMatch(/CN\.YN\.BORDERPOLICE +repatriation +\w+ +Victim handed over with 1 child/);
      expect(output).toMatch(/VN\.BGC\.LAICHAU +repatriation +\w+ +.*[Rr]eferred/);
      expect(output).toMatch(/LA\.PHONGSALY\.POLICE +verification /);
      expect(output).toContain('receipt: accepted');
      // The rescue leads into the verification and the repatriation, the arrest into the hand-over: linked on both sides.
      expect(output.match(/VN\.BGC\.LAICHAU +inbox +\w+ +LocateRescueCaseLinked received from CN\.YN\.BORDERPOLICE: accepted/g)).toHaveLength(2);
      expect(output).toMatch(/CN\.YN\.BORDERPOLICE +inbox +\w+ +WantedPersonCaseLinked received from VN\.BGC\.LAICHAU: accepted/);
      // One set of hand-over minutes, signed by China, countersigned by Vietnam: co-signed on both nodes.
      expect(output).toMatch(/VN\.BGC\.LAICHAU +repatriation +\w+ +Hand-over minutes signed by CN\.YN\.BORDERPOLICE received/);
      expect(output).toMatch(/CN\.YN\.BORDERPOLICE +repatriation +\w+ +Hand-over minutes countersigned by VN\.BGC\.LAICHAU: co-signed by both sides/);
      // The suspect hand-over's minutes too: China hands the broker over and signs, Vietnam countersigns.
      expect(output).toMatch(/CN\.YN\.BORDERPOLICE +handover +\w+ +Hand-over minutes countersigned by VN\.BGC\.LAICHAU: co-signed by both sides/);
      expect(output).toMatch(/VN\.BGC\.LAICHAU +handover +\w+ +Hand-over minutes countersigned by VN\.BGC\.LAICHAU and sent/);
      // Each action item of the liaison meeting's minutes is marked done by its owner and seen done by the other side.
      expect(output).toMatch(/LiaisonActionItemDone received from VN\.BGC\.LAICHAU: accepted/);
      expect(output).toMatch(/LiaisonActionItemDone received from CN\.YN\.BORDERPOLICE: accepted/);
      // Particulars stay out of the printed timeline.
      expect(output).not.toContain('Lò Thị Mẫu');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 480_000);
});
