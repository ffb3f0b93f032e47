import { particularsPaths, WITHHELD, withholdParticulars } from './particulars';

describe('withholding particulars', () => {
  const state = {
    status: 'scheduled',
    victim: { name: { original: 'Lò Thị Mẫu', romanised: 'Lo Thi Mau' }, sex: 'female' },
    children: [{ childId: 'c1', person: { name: { romanised: 'Lo Van Binh' } }, handedOver: false }],
    schedule: { borderGate: 'Ma Lu Thang', receivingUnit: { name: 'post' } },
  };

  it('replaces every particulars record and nothing else', () => {
    const shown = withholdParticulars(state) as typeof state;
    expect(JSON.stringify(shown)).not.toMatch(/Mau|Binh/);
    expect(shown.victim).toBe(WITHHELD);
    expect(shown.children[0]).toEqual({ childId: 'c1', person: WITHHELD, handedOver: false });
    expect(shown.schedule).toEqual(state.schedule);
  });

  it('names the paths it withheld', () => {
    expect(particularsPaths(state)).toEqual(['victim', 'children[0].person']);
  });

  it('withholds the phone numbers of a locate-and-rescue request', () => {
    const request = { missingPerson: state.victim, phoneNumbers: ['+84 912 000 001'], photos: [] };
    const shown = withholdParticulars(request) as Record<string, unknown>;
    expect(JSON.stringify(shown)).not.toMatch(/912|Mau/);
    expect(particularsPaths(request)).toEqual(['missingPerson', 'phoneNumbers']);
  });
});
