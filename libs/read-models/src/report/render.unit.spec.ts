import { composeReport } from './document';
import type { FigureRow } from './figures';
import { parseReportPeriod } from './period';
import { renderCsv, renderMarkdown } from './render';
import { buildReport } from './report';

const period = parseReportPeriod('2026-Q1', 'Asia/Ho_Chi_Minh', 'statutory');
const row = (over: Partial<FigureRow>): FigureRow => ({
  fact: 'victim.handover',
  window: 'during',
  by: 'us',
  counterpart: 'LA.PHONGSALY',
  borderGate: '',
  sex: 'female',
  ageGroup: 'under_16',
  detail: '',
  value: 1,
  ...over,
});
const targets = { all: { tips_processed: { op: '>', percent: 90 } }, byYear: {} } as const;
const heading = { issuer: 'Bộ Chỉ huy BĐBP tỉnh Lai Châu', place: 'Lai Châu', issuedOn: '2026-03-20' };

describe('report renderings', () => {
  it('quotes CSV fields with commas, quotes and line breaks', () => {
    const data = buildReport([row({ borderGate: 'Gate "A", north\nside' })], period, targets, 'read_models');
    const lines = renderCsv(data).split('\n');
    expect(lines[0]).toBe('period,figure,window,by,counterpart,border_gate,sex,age_group,detail,value');
    expect(renderCsv(data)).toContain(
      '2026-Q1,victim.handover,during,us,LA.PHONGSALY,"Gate ""A"", north\nside",female,under_16,,1',
    );
  });

  it('lays out the same figures in Vietnamese and in English, with the statutory period', () => {
    const data = buildReport([row({})], period, targets, 'read_models');
    const vi = renderMarkdown(composeReport(data, heading, 'vi'), 'vi');
    expect(vi).toContain('Lai Châu, ngày 20 tháng 03 năm 2026');
    expect(vi).toContain('Số liệu từ ngày 15/12/2025 đến hết ngày 14/03/2026');
    expect(vi).toContain('| Ta bàn giao | LA.PHONGSALY | (chưa có lịch bàn giao) | 1 | 0 |');
    expect(vi).toContain('| Ta bàn giao | Nữ | 1 | 0 | 0 | 0 | 1 |');
    expect(vi).toMatch(/Tin báo, tố giác, thông tin tiếp nhận được xử lý \| > 90% \| - \| Không phát sinh/);
    const en = renderMarkdown(composeReport(data, heading, 'en'), 'en');
    expect(en).toContain('Figures from 2025-12-15 to 2026-03-14 inclusive');
    expect(en).toContain('| Handed over by us | Female | 1 | 0 | 0 | 0 | 1 |');
    expect(en).toContain('## 8. Figures not yet recorded by the system');
  });

  it('lays out rescues, arrests, identification, liaison meetings and missions, directions apart', () => {
    const data = buildReport(
      [
        row({ fact: 'victim.rescued', by: 'us', counterpart: 'CN.YN.BORDERPOLICE' }),
        row({ fact: 'victim.rescued', by: 'counterpart', sex: 'male', ageGroup: 'adult', value: 2 }),
        row({ fact: 'suspect.arrested', by: 'counterpart', sex: 'male', ageGroup: 'adult' }),
        row({ fact: 'victim.identified', by: 'us', value: 3 }),
        row({ fact: 'victim.identification_criterion', sex: '', ageGroup: '', detail: 'child', value: 3 }),
        row({ fact: 'liaison.held', by: 'counterpart', sex: '', ageGroup: '', detail: 'regular' }),
        row({
          fact: 'mission.arrived',
          by: 'us',
          borderGate: 'TT',
          sex: '',
          ageGroup: '',
          detail: 'delegation',
        }),
      ],
      period,
      targets,
      'read_models',
    );
    const vi = renderMarkdown(composeReport(data, heading, 'vi'), 'vi');
    expect(vi).toContain(
      'Ta tìm thấy 0 người, giải cứu 1 nạn nhân, 0 trường hợp không tìm thấy; phía bạn tìm thấy 0 người, giải cứu 2 nạn nhân',
    );
    expect(vi).toContain('| Ta giải cứu | Nữ | 1 | 0 | 0 | 0 | 1 |');
    expect(vi).toContain('| Phía bạn giải cứu | Nam | 0 | 0 | 2 | 0 | 2 |');
    expect(vi).toContain('| Phía bạn bắt | Nam | 0 | 0 | 1 | 0 | 1 |');
    expect(vi).toContain('Ta xác định 3 người là nạn nhân bị mua bán');
    expect(vi).toContain('| Người dưới 18 tuổi | 3 |');
    expect(vi).toContain('## 6. Hội đàm, giao ban; tổ công tác và đoàn công tác');
    expect(vi).toContain('Tổ chức 0 cuộc hội đàm, giao ban do ta chủ trì, dự 1 cuộc do phía bạn chủ trì.');
    expect(vi).toContain('| Ta cử sang | LA.PHONGSALY | TT | 0 | 1 |');
    const en = renderMarkdown(composeReport(data, heading, 'en'), 'en');
    expect(en).toContain(
      'We located 0 people, rescued 1 victims and found 0 not; the counterparts located 0, rescued 2',
    );
    expect(en).toContain('| Sent by us | LA.PHONGSALY | TT | 0 | 1 |');
  });
});
