import { expect as pwExpect } from './expect-page';
import path from 'node:path';
import { mintLocalToken } from '../../node/src/auth/tokens';
import { OfficerClient } from '../../node/src/demo/officer-client';
import { coSignMinutes, scenarioTools } from '../../node/src/demo/scenario';
import { storeOf } from '../../node/src/testing/node-pair';
import { ConsolePair, PASSWORD, seriousViolations, signIn, startConsolePair } from './console-harness';

/**
 * The officers' console in Debian's Chromium against two nodes (VN and CN) over the real broker: officers
 * on both sides work through their own consoles, and each sees the other's steps arrive live.
 */
describe('officers console (browser)', () => {
  let pair: ConsolePair;
  let verificationCaseId: string;
  let sentAt: string;

  beforeAll(async () => {
    pair = await startConsolePair([
      [
        { id: 'lo-vn', displayName: 'Lò Văn An', roles: ['liaison_officer'] },
        { id: 'bg-vn', displayName: 'Trần Văn Biên', roles: ['border_guard_command'] },
        { id: 'au-vn', displayName: 'Kiểm toán viên', roles: ['auditor'] },
        { id: 'gone-vn', displayName: 'Former officer', roles: ['liaison_officer'], disabled: true },
      ],
      [
        { id: 'lo-cn', displayName: '李明', roles: ['liaison_officer'] },
        { id: 'bg-cn', displayName: '王强', roles: ['border_guard_command'] },
      ],
    ]);
  }, 120_000);
  afterAll(() => pair?.stop());

  it('refuses a wrong password and a disabled account, and a role without the right', async () => {
    const { context, page } = await pair.open(0, { language: 'en' });
    await signIn(page, 'lo-vn', 'not the password', { refused: true });
    await pwExpect(page.getByRole('alert')).toHaveText('Officer id or password is wrong.');
    await signIn(page, 'gone-vn', PASSWORD, { refused: true });
    await pwExpect(page.getByRole('alert')).toHaveText('This account is disabled.');
    await signIn(page, 'lo-vn');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    // A liaison officer has no audit page; asking the node anyway is refused.
    await pwExpect(page.getByRole('link', { name: 'Audit', exact: true })).toHaveCount(0);
    await page.goto(`${pair.nodes[0].url}/audit`);
    await page.getByRole('button', { name: 'Verify the trail' }).click();
    await pwExpect(page.getByRole('alert')).toContainText('requires one of: auditor');
    await context.close();
  });

  it('a liaison officer drafts and sends a verification request and sees the answer arrive without reloading', async () => {
    const vn = await pair.open(0, { language: 'en' });
    await signIn(vn.page, 'lo-vn');
    await vn.page.getByRole('link', { name: 'Verifications' }).click();
    await vn.page.getByRole('button', { name: 'Draft a verification request' }).click();
    await vn.page.getByRole('button', { name: 'Fill from the example' }).click();
    await vn.page.getByLabel('Details').fill('Rescued in Hekou; states she is from Phong Tho.');
    // Inline validation from the API's field errors: a deadline in the past is refused beside its field.
    await vn.page.getByLabel('Deadline', { exact: true }).fill('2020-01-01T09:00');
    await vn.page.locator('form.command-form button[type=submit]').click();
    await pwExpect(vn.page.locator('.field.invalid')).toContainText(/deadline/i);
    await vn.page.getByRole('button', { name: 'Fill from the example' }).click();
    await vn.page.locator('form.command-form [data-field=counterpart]').fill(pair.agencies[1].agencyId);
    await vn.page.locator('form.command-form button[type=submit]').click();
    await vn.page.waitForURL(/\/cases\/verifications\//);
    verificationCaseId = vn.page.url().split('/').pop()!;
    await pwExpect(vn.page.getByTestId('case-status')).toHaveText('drafted');
    await vn.page.getByRole('button', { name: 'Send the request' }).click();
    await vn.page.locator('form.command-form button[type=submit]').click();
    await pwExpect(vn.page.getByTestId('case-status')).toHaveText(/sent|delivered/);
    sentAt = new Date().toISOString();
    await vn.page.evaluate('window.__notReloaded = true');

    // The counterpart's liaison officer, in Chinese (the default on a CN node), answers from its console.
    const cn = await pair.open(1);
    await signIn(cn.page, 'lo-cn');
    await pwExpect(cn.page.locator('html')).toHaveAttribute('lang', 'zh');
    await cn.page.goto(`${pair.nodes[1].url}/cases/verifications/${verificationCaseId}`);
    await cn.page.getByRole('button', { name: '答复请求' }).click();
    await cn.page.getByRole('button', { name: '按示例填写' }).click();
    await cn.page.locator('form.command-form button[type=submit]').click();
    await pwExpect(cn.page.getByTestId('case-status')).toHaveText('已答复');

    await pwExpect(vn.page.getByTestId('case-status')).toHaveText('answered', { timeout: 30_000 });
    await pwExpect(vn.page.locator('.timeline [data-type=VerificationAnswered]')).toHaveCount(1);
    expect(await vn.page.evaluate('window.__notReloaded')).toBe(true);

    // Particulars stay hidden until un-hidden with a stated reason, which the audit trail keeps.
    await pwExpect(vn.page.locator('.person-name')).toHaveCount(0);
    await vn.page.getByRole('button', { name: 'Show particulars' }).click();
    await pwExpect(vn.page.locator('#particulars-error')).toContainText('at least 5 characters');
    await vn.page.getByLabel('Reason for showing the particulars').fill('Preparing the repatriation request');
    await vn.page.getByRole('button', { name: 'Show particulars' }).click();
    await pwExpect(vn.page.locator('.person-name').first()).toHaveText('Lò Thị Mẫu (Lo Thi Mau)');
    const store = storeOf(pair.agencies[0]);
    const views = (await store.readAll({ direction: 'backwards', maxCount: 500 })).filter(
      (e) => e.type === 'AuditParticularsViewed',
    );
    await store.close();
    expect(views.map((e) => e.data)).toContainEqual(
      expect.objectContaining({ viewer: 'officer:lo-vn', reason: 'Preparing the repatriation request' }),
    );
    await vn.context.close();
    await cn.context.close();
  });

  it('a border guard commander schedules a repatriation hand-over and records it', async () => {
    const vn = await pair.open(0, { language: 'en' });
    await signIn(vn.page, 'bg-vn');
    await vn.page.getByRole('link', { name: 'Repatriations' }).click();
    await vn.page.getByRole('button', { name: 'Request a repatriation' }).click();
    await vn.page.getByRole('button', { name: 'Fill from the example' }).click();
    await vn.page.locator('form.command-form [data-field=counterpart]').fill(pair.agencies[1].agencyId);
    await vn.page.locator('form.command-form button[type=submit]').click();
    await vn.page.waitForURL(/\/cases\/repatriations\//);
    const caseId = vn.page.url().split('/').pop()!;

    const cn = await pair.open(1, { language: 'en' });
    await signIn(cn.page, 'bg-cn');
    await cn.page.goto(`${pair.nodes[1].url}/cases/repatriations/${caseId}`);
    await cn.page.getByRole('button', { name: 'Accept the repatriation' }).click();
    await cn.page.locator('form.command-form button[type=submit]').click();
    await pwExpect(cn.page.getByTestId('case-status')).toHaveText('accepted');

    await pwExpect(vn.page.getByTestId('case-status')).toHaveText('accepted', { timeout: 30_000 });
    await vn.page.getByRole('button', { name: 'Schedule the hand-over' }).click();
    await vn.page.getByRole('button', { name: 'Fill from the example' }).click();
    await vn.page.locator('form.command-form button[type=submit]').click();
    await pwExpect(vn.page.getByTestId('case-status')).toHaveText('scheduled');
    // No hand-over before both sides sign its minutes at the gate; the console offers the step after.
    await pwExpect(vn.page.getByRole('button', { name: 'Record the hand-over' })).toHaveCount(0);
    const commander = async (i: number, id: string) =>
      new OfficerClient(
        pair.agencies[i].agencyId,
        pair.nodes[i].url!,
        await mintLocalToken(path.join(pair.agencies[i].dataDir, 'auth'), {
          id,
          agency: pair.agencies[i].agencyId,
          roles: ['border_guard_command'],
        }),
      );
    await coSignMinutes(
      { handing: await commander(0, 'bg-vn'), receiving: await commander(1, 'bg-cn') },
      scenarioTools(),
      'repatriations',
      'Repatriation',
      caseId,
      new Date().toISOString(),
    );
    await vn.page.reload();
    await vn.page.getByRole('button', { name: 'Record the hand-over' }).click();
    await vn.page.getByRole('button', { name: 'Fill from the example' }).click();
    await vn.page.locator('form.command-form button[type=submit]').click();
    await pwExpect(vn.page.getByTestId('case-status')).toHaveText('handed over');
    await pwExpect(cn.page.getByTestId('case-status')).toHaveText('handed over', { timeout: 30_000 });
    await vn.context.close();
    await cn.context.close();
  });

  it('an auditor verifies the trail and replays a case as of a past time', async () => {
    const { context, page } = await pair.open(0, { language: 'en' });
    await signIn(page, 'au-vn');
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('button', { name: 'Verify the trail' }).click();
    await pwExpect(page.getByTestId('verify-result')).toContainText('The trail is intact.');
    // The exchange with the counterpart, both ways.
    await page.locator('#exchange-counterpart').fill(pair.agencies[1].agencyId);
    await page.locator('#exchange-heading ~ form button').click();
    await pwExpect(page.locator('#exchange-heading ~ table')).toContainText('VerificationAnswer');
    await pwExpect(page.locator('#exchange-heading ~ table')).toContainText('VerificationRequest');
    await page.getByLabel('Case id').fill(verificationCaseId);
    const zone = (await page.evaluate(`fetch('/api/console/config').then((r) => r.json())`)) as {
      timeZone: string;
    };
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone.timeZone,
      dateStyle: 'short',
      timeStyle: 'medium',
    })
      // The form takes whole seconds: the next one after sending, long before the answer came.
      .format(new Date(Math.ceil(Date.parse(sentAt) / 1000) * 1000))
      .replace(' ', 'T');
    await page.getByLabel(/As of/).fill(local);
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    await pwExpect(page.getByTestId('replay-status')).toHaveText(/sent|delivered|drafted/);
    await pwExpect(page.getByTestId('replay-result')).not.toContainText('Answered');
    await context.close();
  });

  it('has no serious or critical accessibility violation on any page', async () => {
    const { context, page } = await pair.open(0, { language: 'en' });
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, 'au-vn');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const pages = [
      '/',
      '/boards/verifications',
      '/boards/repatriations',
      '/boards/suspect-handovers',
      '/boards/joint-operations',
      '/boards/notices',
      `/cases/verifications/${verificationCaseId}`,
      '/audit',
      '/reports',
    ];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(`${pair.nodes[0].url}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
    // Keyboard: the skip link is the first stop and shows where the focus is.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.className')).toBe('skip');
    await context.close();
  });

  it("an officer chooses a notice's handling code, its kind's default pre-selected; the other side's case shows it", async () => {
    const cn = await pair.open(1, { language: 'en' });
    await signIn(cn.page, 'lo-cn');
    await cn.page.getByRole('link', { name: 'Notices and tips' }).click();
    await cn.page.getByRole('button', { name: 'Send a notice' }).click();
    await cn.page.getByRole('button', { name: 'Fill from the example' }).click();
    await cn.page.locator('form.command-form [data-field=counterpart]').fill(pair.agencies[0].agencyId);
    const dissemination = cn.page.locator('form.command-form [data-field="codes.dissemination"]');
    expect(await dissemination.inputValue()).toBe('law_enforcement');
    expect(await cn.page.locator('form.command-form [data-field="codes.evidentialUse"]').inputValue()).toBe(
      'intelligence_only',
    );
    await dissemination.selectOption('receiving_agency');
    await cn.page
      .locator('form.command-form [data-field="codes.conditions"]')
      .fill('For the Lai Chau border guard');
    await cn.page.locator('form.command-form button[type=submit]').click();
    await cn.page.waitForURL(/\/cases\/notices\//);
    const caseId = cn.page.url().split('/').pop()!;
    // Ours, as sent: the timeline entry of the notice carries the chosen code.
    await pwExpect(
      cn.page.locator(
        '.timeline [data-type=InformationNoticeSent] .codes[data-dissemination=receiving_agency]',
      ),
    ).toHaveCount(1);

    const vn = await pair.open(0, { language: 'en' });
    await signIn(vn.page, 'lo-vn');
    await vn.page.goto(`${pair.nodes[0].url}/cases/notices/${caseId}`);
    await pwExpect(vn.page.getByTestId('case-handling')).toContainText('the receiving agency only', {
      timeout: 30_000,
    });
    await pwExpect(vn.page.getByTestId('case-handling')).toContainText('For the Lai Chau border guard');
    await vn.context.close();
    await cn.context.close();
  }, 60_000);
});
