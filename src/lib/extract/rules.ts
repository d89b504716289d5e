/**
 * The vocabulary the extractor reads figures with. All patterns run on folded text
 * (lower case, NFC, new-style tone marks; see foldForMatch).
 *
 * Two kinds of rule:
 * - topics: a phrase such as "thu ngân sách" or "bảo hiểm y tế" owns the money or percent that
 *   follows it ("thu ngân sách đạt trên 12 tỉ đồng, đạt 100%"), or, for some, the percent just
 *   before it ("hoàn thành 100% chỉ tiêu giao quân");
 * - counted nouns: a count is read by the noun after it ("03 hộ nghèo", "04 tập thể") and the
 *   verb that governs it ("giảm", "kiểm tra", "khen thưởng").
 * Topics with no indicator only stop a figure from being claimed by an earlier topic.
 */

export interface Topic {
  id: string;
  re: RegExp;
  money?: string;
  percent?: string;
  /** "Thu ngân sách trên 8 đạt…": a bare number right after the topic is in tỷ đồng. */
  inferBillions?: boolean;
  /** May name the percent written just before it ("100% chỉ tiêu giao quân"). */
  after?: boolean;
  /** Words like "kinh phí": pass the money on to the topic before them, if any. */
  transparent?: boolean;
  /** The clause must also say all of these for the money to count. */
  requires?: RegExp[];
  /** Words just before the topic that make it something else ("dự toán thu ngân sách"). */
  notAfter?: RegExp;
}

const W = String.raw`[\p{L}\d]+`;

export const TOPICS: Topic[] = [
  // "thu ngân sách xã/phường": the commune's own budget, or the state's collected there; doubtful, so nobody's
  { id: 'commune_budget', re: /thu\s+ngân\s+sách\s+(?:của\s+)?(?:xã|phường|thị\s+trấn)(?![\p{L}])/gu },
  // the local budget's revenue (with transfers from above) is another figure than the state budget's on the territory
  { id: 'local_budget', re: /thu\s+(?:ngân\s+sách|ns)\s+địa\s+phương|thu\s+nsđp/gu, money: 'local_budget_revenue', notAfter: /(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|giao|phấn\s+đấu|mục\s+tiêu)\s*$/u },
  {
    id: 'budget',
    re: /(?:tổng\s+)?thu\s+(?:ngân\s+sách|nsnn)(?:\s+nhà\s+nước)?(?:\s+trên\s+địa\s+bàn)?/gu,
    money: 'budget_revenue',
    percent: 'budget_revenue_pct',
    inferBillions: true,
    notAfter: /(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|giao|phấn\s+đấu|mục\s+tiêu)\s*$/u,
  },
  { id: 'voluntary_si', re: /bảo\s+hiểm\s+xã\s+hội\s+tự\s+nguyện|bhxh\s+tự\s+nguyện/gu, percent: 'voluntary_social_insurance_pct', after: true },
  // voluntary, household or pupils' health insurance is a part of the population, not its coverage; cards issued are no share
  {
    id: 'health_insurance_part',
    re: /(?:số\s+|(?:phát\s+triển|cấp(?:\s+phát)?)(?:\s+mới)?\s+)thẻ\s+(?:bảo\s+hiểm\s+y\s+tế|bhyt)|(?:bảo\s+hiểm\s+y\s+tế|(?<![\p{L}])bhyt)(?:\s+(?:hộ\s+gia\s+đình|học\s+sinh(?:,?\s+sinh\s+viên)?))?\s+tự\s+nguyện|(?:bảo\s+hiểm\s+y\s+tế|(?<![\p{L}])bhyt)\s+(?:hộ\s+gia\s+đình|học\s+sinh(?:,?\s+sinh\s+viên)?)/gu,
  },
  { id: 'health_insurance', re: /bảo\s+hiểm\s+y\s+tế|(?<![\p{L}])bhyt(?![\p{L}])/gu, percent: 'health_insurance_coverage', after: true },
  { id: 'grade1', re: new RegExp(String.raw`(?:trẻ|học\s+sinh)(?:\s+${W}){0,4}?\s+(?:vào\s+)?lớp\s+(?:0?1|một)(?![\p{L}\d])`, 'gu'), percent: 'grade1_enrolment_pct' },
  { id: 'cultural_families', re: /(?<!(?:khu|ấp|khóm|tổ)\s+)(?:hộ\s+)?gia\s+đình\s+(?:đạt\s+(?:chuẩn\s+)?)?văn\s+hóa/gu, percent: 'cultural_families_pct', after: true },
  { id: 'military', re: /giao\s+(?:nhận\s+)?quân|tuyển\s+quân|nhập\s+ngũ/gu, percent: 'military_recruitment_pct', after: true },
  { id: 'jobs', re: /giới\s+thiệu\s+việc\s+làm/gu, percent: 'jobs_referred_pct' },
  { id: 'poverty_fund', re: /quỹ\s*[“”"'«]?\s*vì\s+người\s+nghèo/gu, money: 'poverty_fund_raised' },
  { id: 'socialized', re: /xã\s+hội\s+hóa/gu, money: 'socialized_funding', requires: [/công\s+trình/u] },
  {
    id: 'funding',
    re: /(?:tổng\s+)?(?:kinh\s+phí|trị\s+giá|số\s+tiền|tổng\s+vốn)/gu,
    money: 'socialized_funding',
    requires: [/xã\s+hội\s+hóa/u, /công\s+trình/u],
    transparent: true,
  },
  {
    id: 'cells_completed_well',
    re: new RegExp(String.raw`chi\s+b[ộô]i?(?:\s+${W}){0,4}?\s+hoàn\s+thành\s+tốt\s+nhiệm\s+vụ`, 'gu'),
    percent: 'party_cells_completed_well_pct',
    after: true,
  },
  // Topics that own no indicator here: they end the reach of the topic before them.
  {
    id: 'other',
    re: /hộ\s+(?:cận\s+)?nghèo|chi\s+ngân\s+sách|thuế|giá\s+trị\s+sản\s+xuất|thu\s+nhập|tăng\s+trưởng\s+kinh\s+tế|nước\s+sạch|(?:khu\s+dân\s+cư|ấp|khóm|khu\s+phố)\s+văn\s+hóa|bảo\s+hiểm\s+xã\s+hội|(?<![\p{L}])bhxh(?![\p{L}])|dư\s+nợ|vốn\s+vay|đảng\s+viên|chi\s+b[ộô]|tiêm\s+chủng|hộ\s+nghèo|quỹ\s+(?!\s*[“”"'«]?\s*vì\s+người\s+nghèo)[\p{L}]+/gu,
  },
];

/** Words that may join a topic to its figure after a comma: "…12 tỉ đồng, đạt 100%". */
export const CONNECTOR = new RegExp(
  String.raw`^\s*(?:(?:và|đạt|được|bằng|vượt|chiếm|t[ỷỉ]\s+lệ|tương\s+đương|với|là|ước|ước\s+đạt|trong\s+đó|thu\s+được|tổng\s+cộng|so\s+với\s+(?:dự\s+toán|kế\s+hoạch|nghị\s+quyết|chỉ\s+tiêu)(?:\s+${W}){0,4})\s*)*$`,
  'u',
);

/** Nouns that say what a count counts, longest first. */
export const NOUNS: [string, RegExp][] = [
  ['near_poor', /^\s*hộ\s+cận\s+nghèo/u],
  ['poor', /^\s*hộ\s+nghèo/u],
  ['business', /^\s*hộ\s+kinh\s+doanh/u],
  ['household_turns', /^\s*lượt\s+hộ(?![\p{L}])/u],
  ['household', /^\s*hộ(?![\p{L}])/u],
  ['house', /^\s*(?:căn\s+nhà|ngôi\s+nhà|căn(?!\s+hộ)|nhà)(?![\p{L}])/u],
  ['gift', /^\s*(?:phần|suất)\s+quà/u],
  ['worker', /^\s*(?:lượt\s+)?(?:lao\s+động|người)(?![\p{L}])/u],
  ['project', /^\s*công\s+trình/u],
  ['enterprise', /^\s*doanh\s+nghiệp/u],
  ['party_org', /^\s*tổ\s+chức\s+(?:cơ\s+sở\s+)?đảng/u],
  ['cell', /^\s*chi\s+b[ộô]i?(?![\p{L}])/u],
  ['member', /^\s*(?:đảng\s+viên|đồng\s+chí)(?![\p{L}])/u],
  ['collective_and_person', /^\s*tập\s+thể\s+(?:và|,)\s+cá\s+nhân/u],
  ['collective', /^\s*tập\s+thể/u],
  ['person', /^\s*cá\s+nhân/u],
  ['target', /^\s*chỉ\s+tiêu/u],
  ['criterion', /^\s*tiêu\s+chí/u],
  ['model', /^\s*mô\s+hình/u],
];

/** Verbs that govern the counts after them; where two end together the longer wins. */
export const VERBS: [string, RegExp][] = [
  ['reduce', /(?<![\p{L}])giảm(?![\p{L}])/gu],
  ['build', /(?<![\p{L}])(?:cất(?:\s+mới)?|xây(?:\s+dựng)?(?:\s+(?:mới|lại))?|sửa(?:\s+chữa)?|bàn\s+giao)(?![\p{L}])/gu],
  ['inspect', /kiểm\s+tra/gu],
  ['supervise', /giám\s+sát/gu],
  ['admit', /kết\s+nạp(?:\s+(?:mới|được))?|phát\s+triển(?:\s+mới)?/gu],
  ['commend', /khen\s+thưởng|khen\s+tặng|giấy\s+khen|bằng\s+khen|biểu\s+dương|tuyên\s+dương|(?<![\p{L}])khen(?![\p{L}])/gu],
  ['refer_job', /giới\s+thiệu\s+việc\s+làm/gu],
  ['party_total', /tổng\s+số\s+đảng\s+viên(?:\s+(?:của|toàn)\s+đảng\s+bộ)?\s+(?:lên|là|hiện\s+(?:nay\s+)?là|hiện\s+có)/gu],
  ['party_has', /(?<![\p{L}])đảng\s+bộ(?:\s+[\p{L}]+){0,3}?\s+(?:hiện\s+(?:nay\s+)?|đang\s+)?(?:có|gồm)(?![\p{L}])/gu],
  ['has_now', /(?:hiện\s+(?:nay\s+)?|đang\s+)có(?![\p{L}])/gu],
  ['support', /chăm\s+lo|hỗ\s+trợ|thăm\s+hỏi|(?<![\p{L}])thăm(?![\p{L}])|trao\s+tặng|(?<![\p{L}])trao(?![\p{L}])|(?<![\p{L}])tặng(?![\p{L}])|cấp\s+phát/gu],
  ['block', /(?<![\p{L}])(?:còn|có|từ|xuống|tăng|phát\s+sinh|vay|kỷ\s+luật|đăng\s+k[ýí]|đề\s+nghị|vi\s+phạm)(?![\p{L}])/gu],
];

/**
 * What may stand between a verb and its count: "kiểm tra 04 chi bộ và 14 đảng viên", "khen thưởng cho 05 tập thể".
 * Asides in brackets are blanked before the test.
 */
export const FILLER =
  /^[\s,]*(?:(?:và|cho|được|mới|thêm|với|gồm|tổng\s+cộng|tổng\s+số|là|các|của|đối\s+với|trong\s+đó|lại|đã|tổng|cả|trực\s+thuộc)[\s,]*)*$/u;

/** "(đạt 80% kế hoạch)": an aside that does not break the link between a verb or topic and its figure. */
export const ASIDE = /\([^()]{0,60}\)/gu;

/** Count nouns read through their verb: class → verb → indicator. */
export const COUNT_BY_VERB: Record<string, Record<string, string>> = {
  poor: { reduce: 'poor_households_reduced' },
  near_poor: { reduce: 'near_poor_households_reduced' },
  household_turns: { support: 'households_supported' },
  worker: { refer_job: 'jobs_referred' },
  cell: { inspect: 'party_cells_inspected', supervise: 'party_cells_supervised' },
  member: {
    inspect: 'party_members_inspected',
    supervise: 'party_members_supervised',
    admit: 'new_party_members',
    party_has: 'party_members_total',
    party_total: 'party_members_total',
  },
  party_org: { party_has: 'party_organizations' },
  collective: { commend: 'commended_collectives' },
  person: { commend: 'commended_individuals' },
};

/** A plan, a target or a future step, said before a figure: not a result. */
export const FUTURE =
  /phấn\s+đấu|dự\s+kiến|(?<![\p{L}])sẽ(?![\p{L}])|phương\s+hướng|chỉ\s+tiêu(?:\s+(?:của\s+)?(?:năm|giai\s+đoạn|nhiệm\s+kỳ)\s+[\d\s–-]+)?\s*(?:là|giao|được\s+giao|:)|kế\s+hoạch(?:\s+(?:của\s+)?năm\s+\d{4})?\s*(?:là|:)|(?:^|[.;]\s*)theo\s+kế\s+hoạch\s*,|mục\s+tiêu(?:\s+năm\s+\d{4})?\s*(?:là|:)/u;
/**
 * Targets being set, not met: "thông qua 16 chỉ tiêu nhiệm kỳ 2020-2025", "đề ra các chỉ tiêu, như:"
 * (a verb before "chỉ tiêu"; "đạt 10/11 chỉ tiêu đã đề ra" says them met).
 */
export const TARGETS_SET = /(?:đề\s+ra|thông\s+qua|xác\s+định|đặt\s+ra|giao)(?:\s+(?:được|tổng\s+cộng|tổng\s+số))?\s+(?:các\s+|\d+\s+|những\s+)?(?:nhóm\s+)?(?:chỉ\s+tiêu|mục\s+tiêu)(?![\p{L}])/u;
/** Also in the clause before the figure, but not at the head of a sentence. */
export const FUTURE_NEAR = /mục\s+tiêu|(?<![\p{L}])cần(?![\p{L}])|yêu\s+cầu/u;
