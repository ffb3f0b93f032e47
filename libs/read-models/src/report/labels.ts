import type { IndicatorId } from '@xb/config';
import type { NotComputedId } from './report';

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

const VI = {
  title: 'BÁO CÁO',
  subtitle: (period: string) => `Kết quả hợp tác phòng, chống mua bán người qua biên giới ${period}`,
  number: 'Số',
  date: (place: string, y: string, m: string, d: string) =>
    `${place ? `${place}, ` : ''}ngày ${d} tháng ${m} năm ${y}`,
  recipient: 'Kính gửi: Cơ quan Thường trực Ban Chỉ đạo 138/CP',
  /** A date as Vietnamese documents write it: 01/04/2026. */
  day: (iso: string) => iso.split('-').reverse().join('/'),
  periodLine: (first: string, last: string, zone: string, statutory: boolean) =>
    `Số liệu từ ngày ${first} đến hết ngày ${last} (giờ ${zone}${statutory ? '; kỳ chốt số liệu theo quy định: từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ' : ''}).`,
  captions: {
    victimProfile: 'Nạn nhân theo giới tính và độ tuổi',
    childProfile: 'Trẻ em đi cùng theo giới tính và độ tuổi',
    suspectProfile: 'Đối tượng theo giới tính và độ tuổi',
    support: 'Nạn nhân được hỗ trợ theo hình thức hỗ trợ',
    rescuedProfile: 'Nạn nhân được giải cứu theo giới tính và độ tuổi',
    identifiedProfile: 'Người được ta xác định là nạn nhân theo giới tính và độ tuổi',
    criteria: 'Căn cứ xác định nạn nhân',
    purposes: 'Nội dung xác minh: được yêu cầu và kết quả',
    arrestedProfile: 'Đối tượng truy nã bị bắt theo giới tính và độ tuổi',
    missions: 'Tổ công tác, đoàn công tác đã nhập cảnh theo cửa khẩu',
  },
  periodNames: { quarter: 'quý', half_year: '6 tháng', year: 'năm', range: 'từ ngày đến ngày' },
  source: {
    event_store: 'Số liệu được tính lại từ kho sự kiện (kiểm toán được).',
    read_models: 'Số liệu được tính từ dữ liệu tổng hợp (read models).',
  },
  sections: {
    verification: 'Xác minh',
    victims: 'Nạn nhân bị mua bán',
    suspects: 'Đối tượng phạm tội',
    notices: 'Tiếp nhận, phân loại, xử lý tin báo và thông tin',
    jointOperations: 'Các đợt cao điểm phối hợp',
    mechanisms: 'Hội đàm, giao ban; tổ công tác và đoàn công tác',
    indicators: 'Kết quả thực hiện các chỉ tiêu',
    notComputed: 'Số liệu chưa có trong hệ thống',
  },
  counterpart: 'Cơ quan phía bạn',
  borderGate: 'Cửa khẩu',
  hotline: 'Đường dây nóng',
  none: '(không phát sinh)',
  noGate: '(chưa có lịch bàn giao)',
  total: 'Tổng',
  verification: (a: number[]) =>
    `Ta gửi ${a[0]} yêu cầu xác minh, phía bạn đã trả lời ${a[1]} (${a[2]} đúng hạn, ${a[3]} quá hạn). ` +
    `Phía bạn gửi ${a[4]} yêu cầu xác minh, ta đã trả lời ${a[5]} (${a[6]} đúng hạn, ${a[7]} quá hạn). ` +
    `Xác minh khẳng định là nạn nhân: ta ${a[8]}, phía bạn ${a[9]}.`,
  verificationHead: [
    'Cơ quan phía bạn',
    'Ta gửi',
    'Bạn trả lời',
    'Đúng hạn',
    'Bạn gửi',
    'Ta trả lời',
    'Đúng hạn',
  ],
  victims: (a: number[]) =>
    `Đề nghị tiếp nhận nạn nhân: ta gửi ${a[0]}, phía bạn gửi ${a[1]}. ` +
    `Ta bàn giao cho phía bạn ${a[2]} nạn nhân (kèm ${a[3]} trẻ em đi cùng); ta tiếp nhận từ phía bạn ${a[4]} nạn nhân (kèm ${a[5]} trẻ em đi cùng). ` +
    `Ta xác nhận đã tiếp nhận ${a[6]} nạn nhân vào cơ sở hỗ trợ; phía bạn xác nhận đã tiếp nhận ${a[7]} nạn nhân do ta bàn giao. ` +
    `Số nạn nhân được ta chuyển hỗ trợ: ${a[8]}.`,
  handedOverByUs: 'Ta bàn giao',
  receivedByUs: 'Ta tiếp nhận',
  handoverHead: ['Chiều', 'Cơ quan phía bạn', 'Cửa khẩu', 'Nạn nhân', 'Trẻ em đi cùng'],
  suspectHead: ['Chiều', 'Cơ quan phía bạn', 'Cửa khẩu', 'Đối tượng'],
  profileHead: [
    'Chiều',
    'Giới tính',
    'Dưới 16 tuổi',
    'Từ 16 đến dưới 18',
    'Người lớn',
    'Chưa rõ tuổi',
    'Tổng',
  ],
  sexes: { female: 'Nữ', male: 'Nam', unknown: 'Chưa rõ' } as Record<string, string>,
  supportHead: ['Hình thức hỗ trợ', 'Số nạn nhân'],
  services: {
    shelter: 'Nơi ở tạm thời',
    medical: 'Y tế',
    psychological: 'Tâm lý',
    legal: 'Trợ giúp pháp lý',
    vocational: 'Học nghề, việc làm',
    family_reunification: 'Đoàn tụ gia đình',
  } as Record<string, string>,
  rescues: (a: number[]) =>
    `Yêu cầu xác minh, giải cứu: ta gửi ${a[0]}, phía bạn gửi ${a[1]}. ` +
    `Ta tìm thấy ${a[2]} người, giải cứu ${a[3]} nạn nhân, ${a[4]} trường hợp không tìm thấy; ` +
    `phía bạn tìm thấy ${a[5]} người, giải cứu ${a[6]} nạn nhân, ${a[7]} trường hợp không tìm thấy.`,
  identified: (yes: number, no: number) =>
    `Ta xác định ${yes} người là nạn nhân bị mua bán; ${no} người không đủ căn cứ xác định là nạn nhân.`,
  rescueHead: [
    'Cơ quan phía bạn',
    'Ta yêu cầu',
    'Bạn tìm thấy',
    'Bạn giải cứu',
    'Bạn yêu cầu',
    'Ta tìm thấy',
    'Ta giải cứu',
  ],
  rescuedBy: { us: 'Ta giải cứu', counterpart: 'Phía bạn giải cứu' },
  identifiedBy: { us: 'Ta xác định', counterpart: 'Phía bạn xác định' },
  purposesHead: [
    'Nội dung',
    'Ta yêu cầu',
    'Bạn khẳng định',
    'Bạn không khẳng định',
    'Bạn yêu cầu',
    'Ta khẳng định',
    'Ta không khẳng định',
  ],
  purposes: {
    identity: 'Nhân thân',
    nationality: 'Quốc tịch',
    family: 'Gia đình, thân nhân',
    documents: 'Giấy tờ tùy thân',
    criminal_record: 'Tiền án, tiền sự',
  } as Record<string, string>,
  criteriaHead: ['Căn cứ', 'Số người'],
  criteria: {
    act: 'Hành vi (tuyển mộ, vận chuyển, chuyển giao, chứa chấp, tiếp nhận)',
    means: 'Thủ đoạn (đe dọa, dùng vũ lực, lừa gạt, lợi dụng tình thế)',
    purpose: 'Mục đích bóc lột',
    child: 'Người dưới 18 tuổi',
  } as Record<string, string>,
  wanted: (a: number[]) =>
    `Yêu cầu truy tìm đối tượng truy nã: ta gửi ${a[0]}, phía bạn gửi ${a[1]}. ` +
    `Ta bắt ${a[2]} đối tượng, ${a[3]} trường hợp không tìm thấy; phía bạn bắt ${a[4]} đối tượng, ${a[5]} trường hợp không tìm thấy.`,
  arrestedBy: { us: 'Ta bắt', counterpart: 'Phía bạn bắt' },
  tipsForwarded: (n: number, by: [string, number][]) =>
    `Ta chuyển ${n} tin báo của đường dây nóng cho phía bạn (${by.map(([u, k]) => `${u}: ${k}`).join(', ')}).`,
  urgencies: { immediate: 'khẩn cấp', priority: 'ưu tiên', routine: 'thường' } as Record<string, string>,
  liaison: (a: number[]) =>
    `Tổ chức ${a[0]} cuộc hội đàm, giao ban do ta chủ trì, dự ${a[1]} cuộc do phía bạn chủ trì. ` +
    `Việc đã thống nhất do ta thực hiện: ${a[2]}, đã hoàn thành ${a[3]} (${a[4]} đúng hạn); ` +
    `do phía bạn thực hiện: ${a[5]}, đã hoàn thành ${a[6]} (${a[7]} đúng hạn).`,
  missions: (a: number[]) =>
    `Ta đề nghị cử ${a[0]} tổ công tác và ${a[1]} đoàn công tác sang phía bạn, đã nhập cảnh ${a[2]} tổ và ${a[3]} đoàn; ` +
    `phía bạn đề nghị cử ${a[4]} tổ công tác và ${a[5]} đoàn công tác sang ta, đã nhập cảnh ${a[6]} tổ và ${a[7]} đoàn. ` +
    `Số đề nghị bị từ chối: ${a[8]}.`,
  liaisonHead: [
    'Cơ quan phía bạn',
    'Cuộc hội đàm',
    'Việc của ta',
    'Ta đã hoàn thành',
    'Việc của bạn',
    'Bạn đã hoàn thành',
  ],
  missionHead: ['Chiều', 'Cơ quan phía bạn', 'Cửa khẩu', 'Tổ công tác', 'Đoàn công tác'],
  sentByUs: 'Ta cử sang',
  receivedFromThem: 'Ta tiếp đón',
  suspects: (a: number[]) =>
    `Đề nghị bàn giao đối tượng: ta gửi ${a[0]}, phía bạn gửi ${a[1]}. ` +
    `Ta bàn giao cho phía bạn ${a[2]} đối tượng; ta tiếp nhận từ phía bạn ${a[3]} đối tượng.`,
  noticesHead: [
    'Nguồn',
    'Kỳ trước chuyển sang',
    'Tiếp nhận trong kỳ',
    'Phải xử lý',
    'Đã phân loại',
    'Đã xử lý',
    'Xử lý đúng hạn',
    'Còn tồn',
    'Tỷ lệ xử lý',
  ],
  noticesFromCounterparts: 'Thông báo của phía bạn',
  noticesSent: (n: number) => `Ta gửi phía bạn ${n} thông báo.`,
  jointOperations: (a: number[]) =>
    `Thống nhất ${a[0]} đợt cao điểm phối hợp, kết thúc ${a[1]} đợt. Kết quả theo báo cáo chung của các đợt kết thúc: ` +
    `giải cứu ${a[2]} nạn nhân, bắt ${a[3]} đối tượng, điều tra ${a[4]} vụ án.`,
  jointHead: [
    'Cơ quan phía bạn',
    'Thống nhất',
    'Kết thúc',
    'Nạn nhân được giải cứu',
    'Đối tượng bị bắt',
    'Vụ án được điều tra',
  ],
  indicatorsHead: ['Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá'],
  indicators: {
    tips_classified: '100% tin báo, tố giác, thông tin tiếp nhận được phân loại',
    tips_processed: 'Tin báo, tố giác, thông tin tiếp nhận được xử lý',
    verification_answers_on_time: 'Yêu cầu xác minh của phía bạn được trả lời đúng hạn',
    victims_supported: 'Nạn nhân được tiếp nhận được hưởng các chế độ hỗ trợ',
    identified_victims_supported: 'Người được xác định là nạn nhân được hưởng các chế độ hỗ trợ',
    action_items_done_on_time: 'Việc đã thống nhất tại hội đàm do ta thực hiện hoàn thành đúng hạn',
  } as Record<IndicatorId, string>,
  met: 'Đạt',
  notMet: 'Không đạt',
  notApplicable: 'Không phát sinh',
  noTarget: '(chưa đặt)',
  notComputed: {
    form_of_exploitation: 'Hình thức bóc lột: các sự kiện chưa ghi nhận hình thức bóc lột.',
    how_victims_returned:
      'Nạn nhân tự trở về: chỉ ghi nhận nạn nhân được giải cứu và được bàn giao chính thức.',
    cases_prosecuted_share: 'Tỷ lệ vụ án được truy tố, xét xử (≥ 95%): hệ thống không nhận số liệu tố tụng.',
    victims_protected_on_request_share:
      'Tỷ lệ nạn nhân, người thân được bảo vệ khi có yêu cầu: chưa ghi nhận yêu cầu bảo vệ.',
  } as Record<NotComputedId, string>,
};

type Labels = typeof VI;

const EN: Labels = {
  title: 'REPORT',
  subtitle: (period) => `Cross-border cooperation against human trafficking, ${period}`,
  number: 'No.',
  date: (place, y, m, d) => `${place ? `${place}, ` : ''}${y}-${m}-${d}`,
  recipient: 'To: the Standing Office of Steering Committee 138/CP',
  day: (iso) => iso,
  periodLine: (first, last, zone, statutory) =>
    `Figures from ${first} to ${last} inclusive (${zone} time${statutory ? '; statutory cut-off: from the 15th of the month before the period to the 14th of its last month' : ''}).`,
  captions: {
    victimProfile: 'Victims by sex and age group',
    childProfile: 'Accompanying children by sex and age group',
    suspectProfile: 'Suspects by sex and age group',
    support: 'Victims supported, by kind of support',
    rescuedProfile: 'Victims rescued by sex and age group',
    identifiedProfile: 'People we identified as victims, by sex and age group',
    criteria: 'Grounds of identification',
    purposes: 'What was asked to verify, and what the answers established',
    arrestedProfile: 'Wanted suspects arrested by sex and age group',
    missions: 'Working groups and delegations that entered, by border gate',
  },
  periodNames: { quarter: 'quarter', half_year: 'half-year', year: 'year', range: 'range' },
  source: {
    event_store: 'Recomputed by replaying the event store (auditable).',
    read_models: 'Computed from the read models.',
  },
  sections: {
    verification: 'Verification',
    victims: 'Victims of trafficking',
    suspects: 'Suspects',
    notices: 'Tips and notices received, classified and processed',
    jointOperations: 'Joint crackdown periods',
    mechanisms: 'Liaison meetings; working groups and delegations',
    indicators: "The plan's indicators",
    notComputed: 'Figures not yet recorded by the system',
  },
  counterpart: 'Counterpart',
  borderGate: 'Border gate',
  hotline: 'Hotline',
  none: '(none)',
  noGate: '(no schedule)',
  total: 'Total',
  verification: (a) =>
    `We sent ${a[0]} verification requests; the counterparts answered ${a[1]} (${a[2]} on time, ${a[3]} late). ` +
    `The counterparts sent ${a[4]} requests; we answered ${a[5]} (${a[6]} on time, ${a[7]} late). ` +
    `Confirmed as victims: by us ${a[8]}, by the counterparts ${a[9]}.`,
  verificationHead: [
    'Counterpart',
    'Sent by us',
    'Answered by them',
    'On time',
    'Sent by them',
    'Answered by us',
    'On time',
  ],
  victims: (a) =>
    `Repatriation requests: sent by us ${a[0]}, by the counterparts ${a[1]}. ` +
    `We handed over ${a[2]} victims (with ${a[3]} accompanying children); we received ${a[4]} victims (with ${a[5]} accompanying children). ` +
    `We confirmed the reception of ${a[6]} victims at a support facility; the counterparts confirmed the reception of ${a[7]} victims we handed over. ` +
    `Victims we referred to support: ${a[8]}.`,
  handedOverByUs: 'Handed over by us',
  receivedByUs: 'Received by us',
  handoverHead: ['Direction', 'Counterpart', 'Border gate', 'Victims', 'Accompanying children'],
  suspectHead: ['Direction', 'Counterpart', 'Border gate', 'Suspects'],
  profileHead: ['Direction', 'Sex', 'Under 16', '16 to 18', 'Adults', 'Age unknown', 'Total'],
  sexes: { female: 'Female', male: 'Male', unknown: 'Unknown' },
  supportHead: ['Support', 'Victims'],
  services: {
    shelter: 'Shelter',
    medical: 'Medical',
    psychological: 'Psychological',
    legal: 'Legal aid',
    vocational: 'Vocational training',
    family_reunification: 'Family reunification',
  },
  rescues: (a) =>
    `Locate-and-rescue requests: sent by us ${a[0]}, by the counterparts ${a[1]}. ` +
    `We located ${a[2]} people, rescued ${a[3]} victims and found ${a[4]} not; ` +
    `the counterparts located ${a[5]}, rescued ${a[6]} and found ${a[7]} not.`,
  identified: (yes, no) =>
    `We identified ${yes} people as victims of trafficking; ${no} were not identified as victims.`,
  rescueHead: [
    'Counterpart',
    'Asked by us',
    'Located by them',
    'Rescued by them',
    'Asked by them',
    'Located by us',
    'Rescued by us',
  ],
  rescuedBy: { us: 'Rescued by us', counterpart: 'Rescued by them' },
  identifiedBy: { us: 'Identified by us', counterpart: 'Identified by them' },
  purposesHead: [
    'Purpose',
    'Asked by us',
    'Established by them',
    'Not established by them',
    'Asked by them',
    'Established by us',
    'Not established by us',
  ],
  purposes: {
    identity: 'Identity',
    nationality: 'Nationality',
    family: 'Family traced',
    documents: 'Documents genuine',
    criminal_record: 'Criminal record found',
  },
  criteriaHead: ['Ground', 'People'],
  criteria: {
    act: 'Act (recruited, transported, transferred, harboured, received)',
    means: 'Means (threat, force, deception, abuse of vulnerability)',
    purpose: 'Purpose of exploitation',
    child: 'Under 18',
  },
  wanted: (a) =>
    `Wanted-person requests: sent by us ${a[0]}, by the counterparts ${a[1]}. ` +
    `We arrested ${a[2]} suspects and found ${a[3]} not; the counterparts arrested ${a[4]} and found ${a[5]} not.`,
  arrestedBy: { us: 'Arrested by us', counterpart: 'Arrested by them' },
  tipsForwarded: (n, by) =>
    `We forwarded ${n} hotline tips to counterparts (${by.map(([u, k]) => `${u}: ${k}`).join(', ')}).`,
  urgencies: { immediate: 'immediate', priority: 'priority', routine: 'routine' },
  liaison: (a) =>
    `${a[0]} liaison meetings hosted by us, ${a[1]} hosted by the counterparts. ` +
    `Action items ours: ${a[2]}, done ${a[3]} (${a[4]} on time); ` +
    `the counterparts': ${a[5]}, done ${a[6]} (${a[7]} on time).`,
  missions: (a) =>
    `We asked to send ${a[0]} working groups and ${a[1]} delegations; ${a[2]} groups and ${a[3]} delegations entered. ` +
    `The counterparts asked to send ${a[4]} working groups and ${a[5]} delegations; ${a[6]} groups and ${a[7]} delegations entered. ` +
    `Requests refused: ${a[8]}.`,
  liaisonHead: ['Counterpart', 'Meetings', 'Our items', 'Done by us', 'Their items', 'Done by them'],
  missionHead: ['Direction', 'Counterpart', 'Border gate', 'Working groups', 'Delegations'],
  sentByUs: 'Sent by us',
  receivedFromThem: 'Received by us',
  suspects: (a) =>
    `Suspect hand-over requests: sent by us ${a[0]}, by the counterparts ${a[1]}. ` +
    `We handed over ${a[2]} suspects; we received ${a[3]} suspects.`,
  noticesHead: [
    'Source',
    'Carried over',
    'Received',
    'To process',
    'Classified',
    'Processed',
    'On time',
    'Outstanding',
    'Share processed',
  ],
  noticesFromCounterparts: "Counterparts' notices",
  noticesSent: (n) => `We sent ${n} notices to counterparts.`,
  jointOperations: (a) =>
    `${a[0]} joint crackdown periods agreed, ${a[1]} closed. Results in the joint reports of those closed: ` +
    `${a[2]} victims rescued, ${a[3]} suspects arrested, ${a[4]} cases investigated.`,
  jointHead: [
    'Counterpart',
    'Agreed',
    'Closed',
    'Victims rescued',
    'Suspects arrested',
    'Cases investigated',
  ],
  indicatorsHead: ['Indicator', 'Target', 'Value', 'Assessment'],
  indicators: {
    tips_classified: 'Tips, reports and notices received are classified',
    tips_processed: 'Tips, reports and notices received are processed',
    verification_answers_on_time: "Counterparts' verification requests answered on time",
    victims_supported: 'Victims received get the support the law provides',
    identified_victims_supported: 'People identified as victims get the support the law provides',
    action_items_done_on_time: 'Action items of liaison meetings owned by us done on time',
  },
  met: 'Met',
  notMet: 'Not met',
  notApplicable: 'Nothing due',
  noTarget: '(not set)',
  notComputed: {
    form_of_exploitation: 'Form of exploitation: no event records it.',
    how_victims_returned:
      'Victims who returned on their own: only rescues and official hand-overs are recorded.',
    cases_prosecuted_share:
      'Share of cases prosecuted and tried (≥ 95%): the system receives no court figures.',
    victims_protected_on_request_share:
      'Share of victims and relatives protected on request: no protection requests are recorded.',
  },
};

export const LABELS: Record<Language, Labels> = { vi: VI, en: EN };
