import { maskParticulars, WITHHELD } from './mask';

const person = {
  name: { original: 'Lò Thị Test', romanised: 'Lo Thi Test' },
  sex: 'female',
  identityDocuments: [],
};

describe('masking particulars', () => {
  it('withholds person records anywhere and the free-text fields, listing their paths', () => {
    const state = {
      status: 'received',
      victim: person,
      children: [{ childId: 'c1', person, handedOver: true }],
      subject: { role: 'victim', person },
      answer: { outcome: 'confirmed', findings: 'lives at …', person },
      circumstances: 'rescued at …',
      counterpart: 'CN.MPS',
      schedule: { borderGate: 'Ma Lu Thang' },
    };
    const masked = maskParticulars(state);
    expect(masked.value).toEqual({
      status: 'received',
      victim: WITHHELD,
      children: [{ childId: 'c1', person: WITHHELD, handedOver: true }],
      subject: { role: 'victim', person: WITHHELD },
      answer: { outcome: 'confirmed', findings: WITHHELD, person: WITHHELD },
      circumstances: WITHHELD,
      counterpart: 'CN.MPS',
      schedule: { borderGate: 'Ma Lu Thang' },
    });
    expect(masked.paths).toEqual([
      'victim',
      'children[0].person',
      'subject.person',
      'answer.findings',
      'answer.person',
      'circumstances',
    ]);
    expect(JSON.stringify(masked.value)).not.toContain('Test');
  });

  it('leaves a state without particulars alone', () => {
    expect(maskParticulars({ status: 'none' })).toEqual({ value: { status: 'none' }, paths: [], erased: [] });
  });
});
