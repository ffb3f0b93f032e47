import { canonicalProvince, provinceOfGate } from './border-gates';

describe('the border gate gazetteer', () => {
  test.each([
    ['Ma Lù Thàng - Jinshuihe', 'Lai Chau'],
    ['MA LU THANG', 'Lai Chau'],
    ['Jinshuihe', 'Lai Chau'],
    ['Cửa khẩu quốc tế Lào Cai', 'Lao Cai'],
    ['Hekou', 'Lao Cai'],
    ['Hữu Nghị (Youyiguan)', 'Lang Son'],
    ['Đồng Đăng', 'Lang Son'],
    ['Móng Cái–Dongxing', 'Quang Ninh'],
    ['Tây Trang - Pang Hốc', 'Dien Bien'],
    ['Thanh Thủy', 'Tuyen Quang'],
    ['Bờ Y', 'Quang Ngai'],
    ['Lao Bảo', 'Quang Tri'],
  ])('%s is in %s', (gate, province) => {
    expect(provinceOfGate(gate)).toBe(province);
  });

  test.each([
    ['an unknown gate', 'Friendship Bridge'],
    ['a gate name inside another word', 'Bo Yen market'],
    ['a gate name glued to another word', 'Hoachi Ma'],
    ['an empty name', ''],
    ['no name', undefined],
    ['a null name', null],
  ])('%s has no province', (_what, gate) => {
    expect(provinceOfGate(gate)).toBeNull();
  });

  test.each([
    ['Lai Châu', 'Lai Chau'],
    ['lai chau', 'Lai Chau'],
    ['  QUẢNG   NINH ', 'Quang Ninh'],
    ['Hà Tĩnh', 'Ha Tinh'],
  ])('the province typed as %s is %s', (typed, canonical) => {
    expect(canonicalProvince(typed)).toBe(canonical);
  });

  it('leaves a province it does not know as typed', () => {
    expect(canonicalProvince('Ha Noi')).toBe('Ha Noi');
  });
});
