// Han characters to the readings a name written in them may stand for (docs/persons.md, "Han"): the Mandarin
// reading in pinyin (pinyin-pro, surname readings for the first character: 单 is Shan, 曾 is Zeng), and, for the
// characters common in Vietnamese and Chinese names, the Sino-Vietnamese reading. A Chinese officer writing a
// Vietnamese woman's name picks characters either by sound (Lò -> 罗 luo) or by the usual correspondence
// (Nguyễn -> 阮 ruan, Thị -> 氏 shi); a Vietnamese officer reading 王秀英 writes Vương Tú Anh. Both readings are
// kept and the phonetic keys of either may match (docs/persons.md, "Phonetic keys").
import { pinyin } from 'pinyin-pro';

/**
 * Sino-Vietnamese readings (without tone marks: the keys drop them) of the characters most used in names, from
 * the standard Hán-Việt dictionaries. Simplified and traditional forms both, where they differ.
 */
const HAN_VIET_SOURCE = `
阮nguyen 陈陳tran 黎le 范pham 黄黃hoang,huynh 潘phan 武vu,vo 邓鄧dang 裴bui 杜do 胡ho 吴吳ngo 杨楊duong 李ly
罗羅la 卢盧lu,lo 刘劉luu 郑鄭trinh 丁dinh 林lam 何ha 高cao 周chau,chu 朱chu 曹tao 谢謝ta 梁luong 宋tong
马馬ma 江giang 金kim 孙孫ton 钟鍾chung 韦韋vi 农農nong 陶dao 段doan 赵趙trieu 王vuong 张張truong 许許hua
文van 氏thi 梅mai 花hoa 兰蘭lan 香huong 秋thu 春xuan 明minh 英anh 芳phuong 玉ngoc 红紅hong 清thanh 青thanh
平binh 安an 和hoa 华華hoa 海hai 山son 南nam 北bac 东東dong 德duc 忠trung 中trung 雄hung 勇dung 强強cuong
成thanh 功cong 国國quoc 俊tuan 长長truong 龙龍long 凤鳳phuong 燕yen 莲蓮lien 琼瓊quynh 翠thuy 雪tuyet
月nguyet 云雲van 霞ha 河ha 草thao 美my 丽麗le 玲linh 灵靈linh 庄莊trang 妆妝trang 幸hanh 恒hang 姮hang
心tam 贤賢hien 惠hue 慧tue 荣榮vinh 光quang 辉輝huy 贵貴quy 福phuc 禄祿loc 寿壽tho 银銀ngan 诗詩thi 秀tu
竹truc 菊cuc 桃dao 梨le 芝chi 枝chi 珠chau 宝寶bao 家gia 嘉gia 义義nghia 仁nhan 孝hieu 智tri 信tin 泰thai
太thai 世the 士si 志chi 进進tien 新tan 全toan 达達dat 发發phat 胜勝thang 战戰chien 军軍quan 君quan 生sinh
富phu 方phuong 风風phong 峰phong 松tung 伯ba 保bao 永vinh 天thien 仙tien 先tien 娥nga 娜na 乔喬kieu
娇嬌kieu 琴cam 卿khanh 庆慶khanh 皇hoang 欢歡hoan 怀懷hoai 贞貞trinh 静靜tinh 仪儀nghi 宜nghi 艳艷diem
叶葉diep 蝶diep 容dung 蓉dung 娟quyen 鹃鵑quyen 兴興hung 孟manh 凯凱khai 诚誠thanh 碧bich 伟偉vi 苏蘇to
帕pha 查tra 占chiem 彭banh 蓬bong 西tay 本ban 米me 翁ong 萨薩tat 万萬van 通thong 迪dich 因nhan 塔thap
拉lap 尼ni 盛thinh 端doan 赛賽tai 雅nha 坎kham 克khac 莲lien 芬phan 萍binh 洪hong 鸿鴻hong 宏hoang 瑞thuy
`;

const HAN_VIET: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const entry of HAN_VIET_SOURCE.split(/\s+/).filter(Boolean)) {
    const chars = [...entry].filter((ch) => /\p{Script=Han}/u.test(ch));
    const readings = entry.slice(chars.join('').length).split(',');
    for (const ch of chars) map.set(ch, [...(map.get(ch) ?? []), ...readings]);
  }
  return map;
})();

/**
 * The Sino-Vietnamese readings of the name characters whose pinyin is this syllable: a pinyin rendering of a
 * Vietnamese name (Ruan Shi Hua) meets its Vietnamese form (Nguyễn Thị Hoa) through the characters it was
 * read from, as a Han rendering does.
 */
export function hanVietOfPinyin(syllable: string): readonly string[] {
  return PINYIN_TO_HAN_VIET.get(syllable) ?? [];
}

const PINYIN_TO_HAN_VIET: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [ch, readings] of HAN_VIET) {
    for (const py of new Set([
      pinyin(ch, { toneType: 'none', v: true }),
      pinyin(ch, { toneType: 'none', v: true, surname: 'head' }),
    ])) {
      const list = map.get(py) ?? [];
      for (const reading of readings) if (!list.includes(reading)) list.push(reading);
      map.set(py, list);
    }
  }
  return map;
})();

/** Each character of a Han word with its readings (pinyin first, then Sino-Vietnamese where known). */
export function hanReadings(word: string, isFamilyNameFirst: boolean): string[][] {
  const chars = [...word];
  const py = pinyin(word, {
    toneType: 'none',
    type: 'array',
    v: true,
    surname: isFamilyNameFirst ? 'head' : 'off',
  });
  return chars.map((ch, i) => {
    const readings = [py[i] ?? ''].filter(Boolean);
    for (const reading of HAN_VIET.get(ch) ?? []) if (!readings.includes(reading)) readings.push(reading);
    return readings;
  });
}
