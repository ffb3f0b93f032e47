// The labelled set for the matcher (docs/persons.md, "How good the matching is"): written by hand for the test,
// BEFORE the matcher, from how officers on each side record a person they meet. Nothing here is a real person.
//
// A rendering is [name as written, date of birth, place of origin]:
//   date: 'YYYY-MM-DD' exact, 'YYYY' year only, '~YYYY' estimated from a stated or apparent age, '' unknown;
//   place: ISO 3166-2 code of the home province as told ('VN-02' Lào Cai, ...), a country ('VN'), or ''.
// Every two renderings of one person below make a SAME pair; NEGATIVES lists DIFFERENT pairs (hard ones:
// same surname, same given name, same name but another generation, near-homophones).

export type Rendering = readonly [name: string, dob: string, place: string];

export interface LabelledPerson {
  readonly label: string;
  readonly renderings: readonly Rendering[];
}

export const PERSONS: readonly LabelledPerson[] = [
  // Vietnamese (Kinh and ethnic minorities): Vietnamese with and without diacritics, Han chosen by a Chinese
  // officer (by sound or by the Sino-Vietnamese correspondence), pinyin, Lao script written by ear.
  {
    label: 'p01',
    renderings: [
      ['Lò Thị Mai', '1995-03-12', 'VN-02'],
      ['LO THI MAI', '1995-03-12', 'VN'],
      ['罗氏梅', '~1996', 'VN'],
      ['ລໍ ທິ ມາຍ', '~1995', ''],
    ],
  },
  {
    label: 'p02',
    renderings: [
      ['Nguyễn Thị Hoa', '1998-07-02', 'VN-13'],
      ['Nguyen Thi Hoa', '1998', ''],
      ['阮氏花', '~1998', 'VN-13'],
      ['Ruan Shi Hua', '~1997', ''],
    ],
  },
  {
    label: 'p03',
    renderings: [
      ['Trần Văn Minh', '1990-11-20', 'VN-09'],
      ['Minh Tran Van', '1990-11-20', 'VN'],
      ['陈文明', '~1990', ''],
      ['ເຈີນ ວັນ ມິນ', '~1991', 'VN-09'],
    ],
  },
  {
    label: 'p04',
    renderings: [
      ['Phạm Thị Lan', '2001-05-14', 'VN-21'],
      ['PHAM THI LAN', '2001-05-14', 'VN-21'],
      ['范氏兰', '~2001', ''],
      ['ຟາມ ທິ ລານ', '~2000', ''],
    ],
  },
  {
    label: 'p05',
    renderings: [
      ['Hoàng Thị Thu Hương', '1997-02-08', 'VN-04'],
      ['Hoang Thi Thu Huong', '1997', 'VN-04'],
      ['黄氏秋香', '~1997', ''],
      ['Huang Shi Qiu Xiang', '~1998', 'VN'],
    ],
  },
  {
    label: 'p06',
    renderings: [
      ['Giàng Thị Sua', '~2003', 'VN-03'],
      ['Giang Thi Sua', '2003', 'VN-03'],
      ['江氏苏', '~2003', ''],
      ['ຢາງ ທິ ຊົວ', '~2004', ''],
    ],
  },
  {
    label: 'p07',
    renderings: [
      ['Vàng Thị Mỷ', '2000-10-01', 'VN-01'],
      ['VANG THI MY', '2000-10-01', ''],
      ['王氏美', '~2000', 'VN'],
      ['ວາງ ທິ ມີ', '~2001', ''],
    ],
  },
  {
    label: 'p08',
    renderings: [
      ['Sùng Thị Pà', '~2004', 'VN-03'],
      ['Sung Thi Pa', '~2004', ''],
      ['宋氏帕', '~2005', ''],
      ['Song Shi Pa', '~2004', ''],
    ],
  },
  {
    label: 'p09',
    renderings: [
      ['Lý Thị Châu', '1999-04-04', 'VN-01'],
      ['Ly Thi Chau', '1999-04-04', 'VN-01'],
      ['李氏珠', '~1999', ''],
      ['ລີ ທິ ເຈົາ', '~1998', 'VN'],
    ],
  },
  {
    label: 'p10',
    renderings: [
      ['Đặng Thị Thanh', '1996-09-09', 'VN-22'],
      ['Dang Thi Thanh', '1996-09-09', ''],
      ['邓氏清', '~1996', 'VN'],
      ['ດັງ ທິ ທັນ', '~1996', ''],
    ],
  },
  {
    label: 'p11',
    renderings: [
      ['Bùi Văn Hùng', '1988-12-01', 'VN-23'],
      ['BUI VAN HUNG', '1988-12-01', 'VN-23'],
      ['裴文雄', '~1988', ''],
      ['ບຸຍ ວັນ ຮຸງ', '~1987', ''],
    ],
  },
  {
    label: 'p12',
    renderings: [
      ['Đỗ Thị Ngọc Anh', '2000-01-30', 'VN-13'],
      ['Do Thi Ngoc Anh', '2000-01-30', ''],
      ['杜氏玉英', '~2000', ''],
      ['ໂດ ທິ ງອກ ແອັງ', '~2000', 'VN'],
    ],
  },
  {
    label: 'p13',
    renderings: [
      ['Vũ Thị Hạnh', '1994-06-15', 'VN-22'],
      ['Vu Thi Hanh', '1994', 'VN-22'],
      ['武氏幸', '~1994', ''],
      ['Wu Shi Xing', '~1995', ''],
    ],
  },
  {
    label: 'p14',
    renderings: [
      ['Hồ Thị Kim Liên', '1993-08-19', 'VN-22'],
      ['HO THI KIM LIEN', '1993-08-19', ''],
      ['胡氏金莲', '~1993', 'VN'],
      ['ໂຮ ທິ ກິມ ລຽນ', '~1992', ''],
    ],
  },
  {
    label: 'p15',
    renderings: [
      ['Ngô Văn Tuấn', '1986-03-03', 'VN-09'],
      ['Ngo Van Tuan', '1986', ''],
      ['吴文俊', '~1986', ''],
      ['ໂງ ວັນ ຕວນ', '~1986', 'VN-09'],
    ],
  },
  {
    label: 'p16',
    renderings: [
      ['Dương Thị Yến', '2002-11-11', 'VN-05'],
      ['Duong Thi Yen', '2002-11-11', 'VN-05'],
      ['杨氏燕', '~2002', ''],
      ['Yang Shi Yan', '~2003', ''],
    ],
  },
  {
    label: 'p17',
    renderings: [
      ['Lê Thị Phương', '1991-01-25', 'VN-21'],
      ['Le Thi Phuong', '1991-01-25', ''],
      ['黎氏芳', '~1991', 'VN'],
      ['ເລ ທິ ເຟືອງ', '~1990', ''],
    ],
  },
  {
    label: 'p18',
    renderings: [
      ['Cầm Thị Ngân', '1999-05-05', 'VN-05'],
      ['Cam Thi Ngan', '1999', 'VN-05'],
      ['琴氏银', '~1999', ''],
      ['ຄຳ ທິ ງັນ', '~1999', ''],
    ],
  },
  {
    label: 'p19',
    renderings: [
      ['Lường Thị Xuân', '1997-12-24', 'VN-05'],
      ['LUONG THI XUAN', '1997-12-24', ''],
      ['梁氏春', '~1997', ''],
      ['ເລືອງ ທິ ຊວນ', '~1996', 'VN'],
    ],
  },
  {
    label: 'p20',
    renderings: [
      ['Hà Thị Thảo', '2003-07-07', 'VN-04'],
      ['Ha Thi Thao', '2003-07-07', 'VN-04'],
      ['何氏草', '~2003', ''],
      ['ຮາ ທິ ທາວ', '~2003', ''],
    ],
  },
  {
    label: 'p21',
    renderings: [
      ['Triệu Thị Mẩy', '~2001', 'VN-03'],
      ['Trieu Thi May', '2001', ''],
      ['赵氏美', '~2001', 'VN'],
      ['Zhao Shi Mei', '~2002', ''],
    ],
  },
  {
    label: 'p22',
    renderings: [
      ['Mùa Thị Chá', '~2005', 'VN-71'],
      ['Mua Thi Cha', '~2005', 'VN-71'],
      ['马氏查', '~2005', ''],
      ['ມົວ ທິ ຈາ', '~2004', ''],
    ],
  },
  {
    label: 'p23',
    renderings: [
      ['Vi Thị Hằng', '1995-10-10', 'VN-09'],
      ['VI THI HANG', '1995-10-10', ''],
      ['韦氏恒', '~1995', ''],
      ['ວີ ທິ ຮັງ', '~1995', 'VN'],
    ],
  },
  {
    label: 'p24',
    renderings: [
      ['Nông Thị Huệ', '1992-02-29', 'VN-04'],
      ['Nong Thi Hue', '1992-02-29', 'VN-04'],
      ['农氏惠', '~1992', ''],
      ['Nong Shi Hui', '~1993', ''],
    ],
  },
  {
    label: 'p25',
    renderings: [
      ['Đinh Văn Long', '1984-09-02', 'VN-21'],
      ['Dinh Van Long', '1984', ''],
      ['丁文龙', '~1984', 'VN'],
      ['ດິງ ວັນ ລອງ', '~1985', ''],
    ],
  },
  {
    label: 'p26',
    renderings: [
      ['Trịnh Thị Quỳnh', '2000-06-06', 'VN-21'],
      ['Trinh Thi Quynh', '2000-06-06', ''],
      ['郑氏琼', '~2000', ''],
      ['Zheng Shi Qiong', '~2000', 'VN'],
    ],
  },
  {
    label: 'p27',
    renderings: [
      ['Lưu Thị Bích Ngọc', '1998-03-08', 'VN-13'],
      ['Luu Thi Bich Ngoc', '1998-03-08', 'VN-13'],
      ['刘氏碧玉', '~1998', ''],
      ['ລິວ ທິ ບິກ ງອກ', '~1998', ''],
    ],
  },
  {
    label: 'p28',
    renderings: [
      ['Mai Thị Hồng', '1994-04-30', 'VN-22'],
      ['MAI THI HONG', '1994-04-30', ''],
      ['梅氏红', '~1994', 'VN'],
      ['ໄມ ທິ ຮົງ', '~1993', ''],
    ],
  },
  {
    label: 'p29',
    renderings: [
      ['Tạ Thị Nga', '1996-01-01', 'VN-23'],
      ['Ta Thi Nga', '1996', 'VN-23'],
      ['谢氏娥', '~1996', ''],
      ['ຕາ ທິ ງາ', '~1996', ''],
    ],
  },
  {
    label: 'p30',
    renderings: [
      ['Phan Văn Đức', '1989-07-19', 'VN-22'],
      ['Phan Van Duc', '1989-07-19', ''],
      ['潘文德', '~1989', ''],
      ['Pan Wen De', '~1990', 'VN'],
    ],
  },
  {
    label: 'p31',
    renderings: [
      ['Nguyễn Văn Nam', '1983-05-19', 'VN-21'],
      ['Nam Nguyen Van', '1983-05-19', 'VN'],
      ['阮文南', '~1983', ''],
      ['ຫງວຽນ ວັນ ນາມ', '~1984', ''],
    ],
  },
  {
    label: 'p32',
    renderings: [
      ['Trần Thị Lệ', '2002-08-08', 'VN-13'],
      ['Tran Thi Le', '2002-08-08', 'VN-13'],
      ['陈氏丽', '~2002', ''],
      ['Chen Shi Li', '~2001', ''],
    ],
  },
  // Lao persons: Lao script, the French-style Latin usual in Lao documents, a plainer Latin, Han by sound.
  {
    label: 'p33',
    renderings: [
      ['ສົມພອນ ພົມມະຈັນ', '1993-04-14', 'LA-OU'],
      ['Somphone Phommachanh', '1993-04-14', 'LA-OU'],
      ['Somphon Phommachan', '1993', ''],
      ['宋蓬 蓬玛占', '~1993', 'LA'],
    ],
  },
  {
    label: 'p34',
    renderings: [
      ['ຄຳແພງ ສີສຸວັນ', '1998-10-20', 'LA-LM'],
      ['Khamphaeng Sisouvanh', '1998-10-20', ''],
      ['Khamphaeng Sisouvan', '~1998', 'LA-LM'],
      ['坎彭 西苏万', '~1998', ''],
    ],
  },
  {
    label: 'p35',
    renderings: [
      ['ບຸນມີ ວົງສະຫວັນ', '1987-01-09', 'LA-BK'],
      ['Bounmy Vongsavanh', '1987-01-09', 'LA-BK'],
      ['Bounmi Vongsavan', '1987', ''],
      ['本米 翁萨万', '~1987', ''],
    ],
  },
  {
    label: 'p36',
    renderings: [
      ['ແສງເດືອນ ໄຊຍະວົງ', '2000-02-02', 'LA-PH'],
      ['Sengdeuane Xayavong', '2000-02-02', ''],
      ['Saengduan Xayavong', '~2000', 'LA-PH'],
      ['盛端 赛雅翁', '~2000', ''],
    ],
  },
  {
    label: 'p37',
    renderings: [
      ['ມະນີວອນ ພູມມາລາ', '1996-06-30', 'LA-OU'],
      ['Manivone Phoummala', '1996-06-30', 'LA-OU'],
      ['Manivon Phoumala', '1996', ''],
      ['玛尼翁 蓬玛拉', '~1996', ''],
    ],
  },
  {
    label: 'p38',
    renderings: [
      ['ທອງດີ ອິນທະວົງ', '1985-12-12', 'LA-VT'],
      ['Thongdy Inthavong', '1985-12-12', ''],
      ['Thongdi Inthavong', '~1985', 'LA-VT'],
      ['通迪 因塔翁', '~1985', ''],
    ],
  },
  {
    label: 'p39',
    renderings: [
      ['ພອນສະຫວັນ ສີຫາລາດ', '1999-09-19', 'LA-LM'],
      ['Phonsavanh Sihalath', '1999-09-19', 'LA-LM'],
      ['Phonsavan Sihalat', '~1999', ''],
      ['蓬萨万 西哈拉', '~1999', ''],
    ],
  },
  // Chinese persons: Han, pinyin, the Sino-Vietnamese reading a Vietnamese officer writes, Lao by ear.
  {
    label: 'p40',
    renderings: [
      ['王秀英', '1992-03-15', 'CN-YN'],
      ['WANG XIUYING', '1992-03-15', 'CN-YN'],
      ['Vương Tú Anh', '~1992', ''],
      ['ຫວາງ ຊິວ ອິງ', '~1992', ''],
    ],
  },
  {
    label: 'p41',
    renderings: [
      ['张伟', '1987-07-07', 'CN-GX'],
      ['Zhang Wei', '1987-07-07', ''],
      ['Trương Vĩ', '~1987', 'CN'],
      ['ຈາງ ເວີຍ', '~1988', ''],
    ],
  },
  {
    label: 'p42',
    renderings: [
      ['刘芳', '1995-11-02', 'CN-YN'],
      ['LIU FANG', '1995-11-02', 'CN-YN'],
      ['Lưu Phương', '~1995', ''],
      ['ລິວ ຟາງ', '~1995', 'CN'],
    ],
  },
];

/** DIFFERENT persons, each with the reason it is hard. */
export const NEGATIVES: readonly (readonly [Rendering, Rendering, string])[] = [
  // Same surname and middle name, another given name.
  [
    ['Lò Thị Mai', '1995-03-12', 'VN-02'],
    ['Lò Thị Lan', '1995-06-01', 'VN-02'],
    'same surname, other given name',
  ],
  [
    ['Nguyễn Thị Hoa', '1998-07-02', 'VN-13'],
    ['Nguyễn Thị Hương', '1998-02-11', 'VN-13'],
    'same surname, other given name',
  ],
  [
    ['Trần Văn Minh', '1990-11-20', 'VN-09'],
    ['Trần Văn Nam', '1990-03-02', 'VN-09'],
    'same surname, other given name',
  ],
  [
    ['Phạm Thị Lan', '2001-05-14', 'VN-21'],
    ['Phạm Thị Hoa', '2001-05-14', 'VN-21'],
    'same surname and date, other given name',
  ],
  [['阮氏花', '~1998', 'VN-13'], ['阮氏兰', '~1998', 'VN-13'], 'same surname in Han, other given name'],
  [['Ruan Shi Hua', '~1997', ''], ['Ruan Shi Mei', '~1997', ''], 'same surname in pinyin, other given name'],
  [['ລໍ ທິ ມາຍ', '~1995', ''], ['ລໍ ທິ ລານ', '~1995', ''], 'same surname in Lao script, other given name'],
  [
    ['Đỗ Thị Ngọc Anh', '2000-01-30', 'VN-13'],
    ['Đỗ Thị Ngọc Hà', '2000-04-12', 'VN-13'],
    'three of four syllables shared',
  ],
  [
    ['Hoàng Thị Thu Hương', '1997-02-08', 'VN-04'],
    ['Hoàng Thị Thu Hà', '1997-02-08', 'VN-04'],
    'three of four syllables shared, same date',
  ],
  [
    ['Lưu Thị Bích Ngọc', '1998-03-08', 'VN-13'],
    ['Lưu Thị Bích Hạnh', '1998-03-08', 'VN-13'],
    'three of four syllables shared, same date',
  ],
  [
    ['Hồ Thị Kim Liên', '1993-08-19', 'VN-22'],
    ['Hồ Thị Kim Oanh', '1993-01-19', 'VN-22'],
    'three of four syllables shared',
  ],
  [
    ['Bùi Văn Hùng', '1988-12-01', 'VN-23'],
    ['Bùi Văn Dũng', '1988-12-01', 'VN-23'],
    'same surname, other given name',
  ],
  [
    ['Sùng Thị Pà', '~2004', 'VN-03'],
    ['Sùng Thị Dua', '~2004', 'VN-03'],
    'same Hmong clan name, other given name',
  ],
  [
    ['Giàng Thị Sua', '~2003', 'VN-03'],
    ['Giàng Thị Dế', '~2003', 'VN-03'],
    'same Hmong clan name, other given name',
  ],
  [
    ['Vàng Thị Mỷ', '2000-10-01', 'VN-01'],
    ['Vàng Thị Chu', '2000-10-01', 'VN-01'],
    'same Hmong clan name and date',
  ],
  [
    ['Mùa Thị Chá', '~2005', 'VN-71'],
    ['Mùa Thị Súa', '~2005', 'VN-71'],
    'same Hmong clan name, other given name',
  ],
  [['王秀英', '1992-03-15', 'CN-YN'], ['王秀兰', '1992-03-15', 'CN-YN'], 'Han: one character differs'],
  [['张伟', '1987-07-07', 'CN-GX'], ['张强', '1987-07-07', 'CN-GX'], 'Han: same surname, other given name'],
  [['刘芳', '1995-11-02', 'CN-YN'], ['刘丽', '1995-11-02', 'CN-YN'], 'Han: same surname, other given name'],
  [
    ['Somphone Phommachanh', '1993-04-14', 'LA-OU'],
    ['Somphone Sisouvanh', '1993-04-14', 'LA-OU'],
    'same given name, other family name',
  ],
  [
    ['Bounmy Vongsavanh', '1987-01-09', 'LA-BK'],
    ['Bounmy Inthavong', '1987-01-09', 'LA-BK'],
    'same given name, other family name',
  ],
  [
    ['ທອງດີ ອິນທະວົງ', '1985-12-12', 'LA-VT'],
    ['ທອງສີ ອິນທະວົງ', '1985-12-12', 'LA-VT'],
    'same family name, given name one syllable off',
  ],
  [
    ['Phonsavanh Sihalath', '1999-09-19', 'LA-LM'],
    ['Phonsavanh Keomany', '1999-09-19', 'LA-LM'],
    'same given name, other family name',
  ],
  // Same given name, other surname.
  [
    ['Lò Thị Mai', '1995-03-12', 'VN-02'],
    ['Nguyễn Thị Mai', '1995-03-12', 'VN-02'],
    'same given name, other surname, same date',
  ],
  [
    ['Trần Văn Minh', '1990-11-20', 'VN-09'],
    ['Lê Văn Minh', '1990-11-20', 'VN-09'],
    'same given name, other surname, same date',
  ],
  [
    ['Hà Thị Thảo', '2003-07-07', 'VN-04'],
    ['Vi Thị Thảo', '2003-07-07', 'VN-04'],
    'same given name, other surname, same date',
  ],
  [
    ['Cầm Thị Ngân', '1999-05-05', 'VN-05'],
    ['Lường Thị Ngân', '1999-05-05', 'VN-05'],
    'same given name, other surname, same date',
  ],
  [['罗氏梅', '~1996', 'VN'], ['阮氏梅', '~1996', 'VN'], 'Han: same given name, other surname'],
  [['Luo Shi Mei', '~1996', ''], ['Li Shi Mei', '~1996', ''], 'pinyin: same given name, other surname'],
  [['ຫງວຽນ ທິ ຮວາ', '~1998', ''], ['ຟາມ ທິ ຮວາ', '~1998', ''], 'Lao script: same given name, other surname'],
  [
    ['Đặng Thị Thanh', '1996-09-09', 'VN-22'],
    ['Đinh Thị Thanh', '1996-09-09', 'VN-22'],
    'surnames one letter apart',
  ],
  [
    ['Lý Thị Châu', '1999-04-04', 'VN-01'],
    ['Lê Thị Châu', '1999-04-04', 'VN-01'],
    'surnames one letter apart',
  ],
  [
    ['Vũ Thị Hạnh', '1994-06-15', 'VN-22'],
    ['Võ Thị Hạnh', '1994-06-15', 'VN-22'],
    'surnames one vowel apart (Vũ/Võ are distinct in registers)',
  ],
  // Same name, another generation (a daughter named after her mother, two women of the same village).
  [
    ['Nguyễn Thị Hoa', '1998-07-02', 'VN-13'],
    ['Nguyễn Thị Hoa', '1971-03-09', 'VN-13'],
    'same name, 27 years apart',
  ],
  [['Lò Thị Mai', '1995-03-12', 'VN-02'], ['Lò Thị Mai', '1968-10-10', 'VN-02'], 'same name, 27 years apart'],
  [
    ['Trần Văn Minh', '1990-11-20', 'VN-09'],
    ['Trần Văn Minh', '1962-01-05', 'VN-09'],
    'same name, 28 years apart',
  ],
  [
    ['Phạm Thị Lan', '2001-05-14', 'VN-21'],
    ['Phạm Thị Lan', '1979-12-01', 'VN-21'],
    'same name, 22 years apart',
  ],
  [['陈文明', '~1990', ''], ['陈文明', '~1965', ''], 'Han: same name, estimated 25 years apart'],
  [
    ['Chen Wen Ming', '~1990', ''],
    ['Chen Wen Ming', '~1972', ''],
    'pinyin: same name, estimated 18 years apart',
  ],
  [['ລໍ ທິ ມາຍ', '~1995', ''], ['ລໍ ທິ ມາຍ', '~1975', ''], 'Lao script: same name, estimated 20 years apart'],
  [
    ['Dương Thị Yến', '2002-11-11', 'VN-05'],
    ['Dương Thị Yến', '1985-02-02', 'VN-05'],
    'same name, 17 years apart',
  ],
  [
    ['Lê Thị Phương', '1991-01-25', 'VN-21'],
    ['Le Thi Phuong', '1981-01-25', 'VN-21'],
    'same name, 10 years apart, same day and month',
  ],
  [['Nông Thị Huệ', '1992-02-29', 'VN-04'], ['Nong Thi Hue', '1980-05-05', ''], 'same name, 12 years apart'],
  [
    ['Đinh Văn Long', '1984-09-02', 'VN-21'],
    ['Đinh Văn Long', '2004-09-02', 'VN-21'],
    'father and son, same name',
  ],
  [
    ['Ngô Văn Tuấn', '1986-03-03', 'VN-09'],
    ['Ngo Van Tuan', '1999-07-07', 'VN-09'],
    'same name, 13 years apart',
  ],
  [
    ['Mai Thị Hồng', '1994-04-30', 'VN-22'],
    ['Mai Thị Hồng', '1973-04-30', 'VN-22'],
    'same name, 21 years apart',
  ],
  [['Tạ Thị Nga', '1996-01-01', 'VN-23'], ['Ta Thi Nga', '1977-01-01', ''], 'same name, 19 years apart'],
  [
    ['张伟', '1987-07-07', 'CN-GX'],
    ['Zhang Wei', '1960-02-02', 'CN-GX'],
    'a very common Chinese name, 27 years apart',
  ],
  [
    ['刘芳', '1995-11-02', 'CN-YN'],
    ['Liu Fang', '1975-06-06', ''],
    'a very common Chinese name, 20 years apart',
  ],
  [
    ['王秀英', '1992-03-15', 'CN-YN'],
    ['Wang Xiuying', '1966-09-09', 'CN-YN'],
    'a very common Chinese name, 26 years apart',
  ],
  [
    ['Bounmy Vongsavanh', '1987-01-09', 'LA-BK'],
    ['Bounmy Vongsavanh', '2007-05-05', 'LA-BK'],
    'same Lao name, 20 years apart',
  ],
  [
    ['ສົມພອນ ພົມມະຈັນ', '1993-04-14', 'LA-OU'],
    ['Somphone Phommachanh', '1970-04-14', 'LA-OU'],
    'same Lao name, 23 years apart',
  ],
  [['Thongdy Inthavong', '1985-12-12', ''], ['ທອງດີ ອິນທະວົງ', '~2005', ''], 'same Lao name, 20 years apart'],
  // Near-homophones that are different names.
  [['Lò Thị Mai', '1995-03-12', 'VN-02'], ['Lò Thị Mây', '1995-09-12', 'VN-02'], 'Mai and Mây'],
  [['Hà Thị Thảo', '2003-07-07', 'VN-04'], ['Hà Thị Thu', '2003-07-07', 'VN-04'], 'Thảo and Thu'],
  [['Vi Thị Hằng', '1995-10-10', 'VN-09'], ['Vi Thị Hương', '1995-10-10', 'VN-09'], 'Hằng and Hương'],
  [['Trịnh Thị Quỳnh', '2000-06-06', 'VN-21'], ['Trịnh Thị Quyên', '2000-06-06', 'VN-21'], 'Quỳnh and Quyên'],
  [
    ['Đỗ Thị Ngọc Anh', '2000-01-30', 'VN-13'],
    ['Đỗ Thị Ngọc Ánh', '2000-01-30', 'VN-13'],
    'Anh and Ánh are distinct names',
  ],
  [['Trần Thị Lệ', '2002-08-08', 'VN-13'], ['Trần Thị Liên', '2002-08-08', 'VN-13'], 'Lệ and Liên'],
  [
    ['Dương Thị Yến', '2002-11-11', 'VN-05'],
    ['Dương Thị Yên', '2002-11-11', 'VN-05'],
    'Yến and Yên (tone differs only)',
  ],
  // Entirely different people who share only the common middle syllable and a year.
  [['Lò Thị Mai', '1995-03-12', 'VN-02'], ['Hà Thị Thảo', '1995-03-12', 'VN-02'], 'only Thị shared'],
  [
    ['Nguyễn Thị Hoa', '1998-07-02', 'VN-13'],
    ['Lưu Thị Bích Ngọc', '1998-07-02', 'VN-13'],
    'only Thị shared',
  ],
  [['Trần Văn Minh', '1990-11-20', 'VN-09'], ['Ngô Văn Tuấn', '1990-11-20', 'VN-09'], 'only Văn shared'],
  [['罗氏梅', '~1996', 'VN'], ['何氏草', '~1996', 'VN'], 'Han: only 氏 shared'],
  [['陈文明', '~1990', ''], ['裴文雄', '~1990', ''], 'Han: only 文 shared'],
  [['ລໍ ທິ ມາຍ', '~1995', ''], ['ຮາ ທິ ທາວ', '~1995', ''], 'Lao script: only ທິ shared'],
  [['Luo Shi Mei', '~1996', ''], ['He Shi Cao', '~1996', ''], 'pinyin: only Shi shared'],
  [
    ['Somphone Phommachanh', '1993-04-14', 'LA-OU'],
    ['Manivone Phoummala', '1993-04-14', 'LA-OU'],
    'Lao: family names share a syllable',
  ],
  [
    ['Khamphaeng Sisouvanh', '1998-10-20', 'LA-LM'],
    ['Phonsavanh Sihalath', '1998-10-20', 'LA-LM'],
    'Lao: no name shared, same date',
  ],
  [
    ['Sengdeuane Xayavong', '2000-02-02', 'LA-PH'],
    ['Bounmy Vongsavanh', '2000-02-02', 'LA-PH'],
    'Lao: a -vong syllable shared',
  ],
  [
    ['王秀英', '1992-03-15', 'CN-YN'],
    ['李秀英', '1992-03-15', 'CN-YN'],
    'Han: same given name, other surname',
  ],
  [
    ['Zhang Wei', '1987-07-07', 'CN-GX'],
    ['Wang Wei', '1987-07-07', 'CN-GX'],
    'pinyin: same given name, other surname',
  ],
  [
    ['Liu Fang', '1995-11-02', 'CN-YN'],
    ['Li Fang', '1995-11-02', 'CN-YN'],
    'pinyin: surnames one letter apart',
  ],
  [
    ['Vương Tú Anh', '~1992', ''],
    ['Vương Thị Anh', '~1992', ''],
    'Sino-Vietnamese: given names differ in one syllable',
  ],
];
