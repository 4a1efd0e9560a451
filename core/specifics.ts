/**
 * The specifics of one report — its unit and the unit's short forms, the
 * meeting or course it was written for, years and dates, places, the writer's
 * name and position — found in its text and proposed as placeholders, so an
 * imported report becomes a template another year or another writer can fill.
 *
 * Chinese has no spaces, so names are found by how they are built: a name ends
 * in a suffix that says what it is (县 镇 街道 for places; 局 委 中心 公司 党委
 * for organisations; 研修班 培训班 for courses; 民主生活会 for meetings) and
 * starts where the sentence around it leaves off (after punctuation, a verb
 * such as 参加 or 召开, a preposition such as 在 or 按照). The 落款 at the end
 * names the writer's unit, name and date outright, and the unit's short forms
 * are read off its full name. Precision comes first: a generic word proposed
 * (党委, 群众, 领导干部) costs the user more than a specific missed.
 */
import { placeholderMatcher } from './placeholders';

export type SpecificKind = 'unit' | 'unit-short' | 'meeting' | 'course' | 'year' | 'date' | 'place' | 'person' | 'position';

export interface PlaceholderProposal {
  /** The placeholder's proposed name, in Chinese (单位全称, 单位简称, 会议名称, 年度, 日期, 姓名, 职务, …); unique in one list. */
  name: string;
  /** The exact words in the report it stands for; the placeholder's default. */
  text: string;
  kind: SpecificKind;
  /** How often `text` occurs in the report, outside longer proposals' words. */
  count: number;
}

/** Words that name no one report's specifics: never proposed, whatever rule finds them. */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  '党委', '党组', '党工委', '工委', '党总支', '总支', '支部', '党支部', '组织', '党组织', '机关党委',
  '群众', '人民群众', '单位', '本单位', '我单位', '部门', '本部门', '机关', '基层', '上级', '中心',
  '党员', '干部', '领导', '领导干部', '党员领导干部', '班子', '领导班子', '班子成员', '委员会',
  '社区', '村', '乡镇', '街道', '镇村', '城乡', '农村', '地方', '本地', '当地', '全县', '全市', '全区',
  '公司', '集团', '学校', '医院', '政府', '党中央', '中央', '国家', '书记', '委员', '成员', '村两委', '两委', '办公室',
]);

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
/** Stand-ins for a proper name in model texts and in reports shared anonymously: X县, 某某镇, XX局, A市. */
const MARK = 'Xx×某A-ZＡ-Ｚ';
const MARK_RE = new RegExp(`[${MARK}]`);
const MARKS = new Set('XＸx×某ABCDEFGHIJKLMNOPQRSTUVWXYZＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ');
const isMark = (ch: string | undefined) => ch !== undefined && MARKS.has(ch);
const isHan = (ch: string | undefined) => ch !== undefined && ch >= '\u3400' && ch <= '\u9fff' && (ch <= '\u4dbf' || ch >= '\u4e00');
const isDigit = (ch: string) => (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９');
const isNameChar = (ch: string | undefined) => ch !== undefined && (isHan(ch) || isDigit(ch) || MARKS.has(ch));

/** Administrative levels, longest first: 省 市 县 区 镇 乡 街道 村 社区 … */
const ADMIN = ['特别行政区', '自治区', '自治州', '自治县', '街道', '社区', '省', '市', '州', '盟', '县', '旗', '区', '镇', '乡', '村'];
/** Organisation suffixes of two or more characters, longest first. */
const ORG_LONG = [
  '股份有限公司', '有限责任公司', '集团有限公司', '管理委员会', '人民检察院', '人民法院', '人民政府',
  '中心卫生院', '中心医院', '中心小学', '中心学校',
  '有限公司', '委员会', '办公室', '管委会', '党工委', '党总支', '党支部', '服务中心', '开发区', '高新区',
  '幼儿园', '卫生院', '研究院', '研究所', '派出所', '检察院', '联合会', '合作社', '车间', '分厂',
  '工委', '党委', '党组', '总支', '支部', '中心', '新区', '园区', '大学', '学院', '学校', '中学', '小学',
  '医院', '公司', '集团', '银行', '法院', '纪委', '监委', '政府', '工会', '协会', '商会', '联社', '党校',
];
/** One-character organisation suffixes; each is also the start or end of many ordinary words. */
const ORG_SHORT = '局委办厅处科股室所站院校部队馆';
/** Characters after which a one-character suffix is part of another word (干部, 大局, 督办, 好处, 学科). */
const NOT_BEFORE_SHORT: Record<string, string> = {
  部: '干全内外局细东西南北中上下头底总本支分基俱',
  局: '全大格布结时当开变定僵残赌棋饭骗出',
  委: '常编',
  办: '创兴承主督包代帮举开法照好协',
  处: '好之到难相深益短长妙何住此各四办共',
  科: '学本专内外工理文医牙',
  股: '入控参',
  室: '教议居暗',
  所: '场以有处住厕无',
  站: '车网',
  院: '庭剧法',
  校: '母高',
  队: '部团球排车梯',
  馆: '宾饭酒',
  厅: '大客餐',
};
/** Characters that, right after a suffix, make it the start of another word (局长, 委员, 部署, 办法, 中心工作, 党委书记). */
const NOT_AFTER_SUFFIX = '长员法理署门分伍稳位以在面势限置士托事好实结于处得屈技学园主级际属子';
const NOT_AFTER_LONG: Record<string, string> = {
  中心: '工组思任点城', 党委: '书委副成', 党组: '书成副织', 党工委: '书委副成', 支部: '书委', 党支部: '书委', 工委: '书委副',
  中学: '习期生', 小学: '习期生', 大学: '习期生',
};
/** Party organisations: the unit's own party body (X县青石镇党委 is the town's), named with the unit. */
const PARTY_ORG_RE = /(?:机关)?(?:党委|党组|党工委|党总支|党支部|总支|支部|工委)$/;
/** Suffixes that follow a bare place: its party committee, its government, its discipline committee. */
const PLACE_BODY_RE = /^(?:委|党委|党工委|党组|人民政府|政府|纪委|监委)$/;
/** What a department of a unit is called (预算科, 办公室, 二分厂机加工车间, 某某派出所); a committee (镇纪委) is the place's own body. */
const DEPARTMENT_RE = /(?:科|室|股|处|车间|分厂|学院|系|办公室|派出所|所|站|队|中心|部|办)$/;
/** A numbered branch is its own body: X市实验中学第二党支部, 某某学院教工第一党支部. */
const QUALIFIED_BRANCH_RE = /第[一二三四五六七八九十0-9０-９]+(?:党支部|党总支|支部)$/;
/** Who a numbered branch gathers, before its number (教工, 机关, 离退休): at most this long. */
const BRANCH_DESCRIPTOR_MAX = 4;
/** Legal forms that complete the name before them rather than naming a part of it. */
const LEGAL_FORM_RE = /^(?:股份有限公司|有限责任公司|有限公司|公司)$/;
/**
 * How a unit of each kind calls itself: the word its short form keeps (工业园区
 * → 园区) and the character of 我局, 我校, 局党组.
 */
const SELF_NAMING: Record<string, { word?: string; char: string }> = {
  园区: { word: '园区', char: '区' }, 开发区: { word: '开发区', char: '区' }, 高新区: { word: '高新区', char: '区' },
  新区: { word: '新区', char: '区' }, 集团: { word: '集团', char: '集团' }, 集团有限公司: { word: '集团', char: '集团' },
  有限公司: { word: '公司', char: '公司' }, 股份有限公司: { word: '公司', char: '公司' }, 有限责任公司: { word: '公司', char: '公司' },
  公司: { word: '公司', char: '公司' }, 医院: { word: '医院', char: '院' }, 卫生院: { word: '卫生院', char: '院' },
  中心卫生院: { word: '卫生院', char: '院' }, 派出所: { word: '派出所', char: '所' }, 大学: { char: '校' },
  学院: { char: '院' }, 学校: { char: '校' }, 中学: { char: '校' }, 小学: { char: '校' }, 幼儿园: { char: '园' },
  银行: { char: '行' }, 委员会: { char: '委' }, 办公室: { char: '办' }, 管委会: { char: '委' }, 党校: { char: '校' },
};
/** Suffixes a descriptor alone may name, without a place in front (工业园区, 城市建设投资集团). */
const DESCRIBED_ORG = new Set(['园区', '开发区', '高新区', '新区', '大学', '学院', '学校', '中学', '小学', '医院', '公司', '有限公司', '集团', '集团有限公司', '股份有限公司', '有限责任公司', '银行', '研究院', '研究所']);
/** Places that are not administrative units: 城东片区, 青山烈士陵园. */
const PLACE_SUFFIXES = ['烈士陵园', '纪念馆', '博物馆', '展览馆', '纪念园', '陵园', '故居', '旧址', '片区', '景区'];

/** Characters that, right after a one-character level, make it part of another word (市场, 县域, 村民, 乡村). */
const NOT_AFTER_ADMIN: Record<string, string> = {
  市: '场民值容政面里情', 区: '域别分间里情', 县: '域级里情', 镇: '静定压里情', 乡: '村亲情愁镇里', 村: '民级庄组干务里情', 省: '思察力级情',
};
/** Characters before a one-character level that make an ordinary word (小区, 辖区, 责任区, 自省, 城市). */
const NOT_BEFORE_ADMIN: Record<string, string> = { 区: '小辖园社景片城山地灾郊市老厂库牧矿营任新战', 省: '自反深内', 市: '城超都上', 村: '乡农山' };

/** Characters a name never contains, and a unit's own words rarely: particles, pronouns, quantifiers. */
const STOP = new Set('的了是在与及对把被将我你他她它这那等之也都就还又并而但不没很更最该些每其此本全无从向为于以已曾如若则即因到着过给让使个各');
/** Modal verbs: never in a place's or a person's name, though an organisation may do them (能源, 会计). */
const MODAL = new Set('能会要可应');
/**
 * First characters of verbs and quantities that stand before a unit or place
 * in running text (推动园区, 促进园区, 联系社区, 一些村): a name does not start with them.
 */
const NOT_NAME_START = new Set('推促抓服制带保管建加提做优深发支打围融聚引助振护回走进来去入出开召参组坚落完实强增改整创扩拓防治解化帮扶关包驻下上多少几两三四五六七八九十一二联辖居各全本我该每这那此其有');
/** Characters of verbs that a phrase before 社区 or 村 has and a proper name rarely does (广泛听取社区, 培育社区). */
const NOT_IN_NAME = new Set('听取培育泛推促抓服制带管加提做优深发支打围聚引助护回走进入出开召参组落完增改整创扩拓防治解帮扶包驻联辖扣贯彻配协持');
/** Descriptors that make a generic phrase, not a name: 农村社区, 基层单位, 重点片区. */
const GENERIC_DESCRIPTORS = new Set(['农村', '城市', '城镇', '城乡', '基层', '乡村', '偏远', '贫困', '重点', '周边', '相关', '有关', '其他', '所有', '部分', '全体', '本地', '当地', '外地', '老旧', '新建', '居民', '辖区', '试点', '示范', '先进', '落后', '红色', '教育']);

/** Words that, just before a name, show where it starts. */
const LEFT_WORDS_2 = new Set(['作为', '担任', '身为', '参加', '召开', '开好', '开展', '举办', '举行', '出席', '列席', '关于', '根据', '按照', '依据', '围绕', '结合', '通过', '对照', '来到', '前往', '走进', '深入', '代表', '会同', '联合', '就是', '成为', '调任', '调到', '来自']);
const LEFT_WORDS_2_STARTS = new Set([...LEFT_WORDS_2].map((w) => w[0]!));
const LEFT_WORDS_2_ENDS = new Set([...LEFT_WORDS_2].map((w) => w[1]!));
const LEFT_WORDS_1 = new Set('在于为的了和与及同对把被从向将是由经到赴任这本此该次以我上给让使跟受、');

/** Titles a position ends with, longest first. 成员 and 委员 need a body in front (党组成员, 组织委员). */
const TITLES = [
  '主任科员', '董事长', '总经理', '秘书长', '调研员', '副书记', '书记', '局长', '县长', '市长', '区长', '镇长', '乡长',
  '村长', '省长', '厅长', '处长', '科长', '股长', '部长', '司长', '院长', '校长', '所长', '站长', '馆长', '队长',
  '组长', '社长', '行长', '主任', '主席', '会长', '经理', '董事', '监事', '总监', '专员', '科员', '干事', '支书', '常委',
  '委员', '成员',
];
const WEAK_TITLES = new Set(['委员', '成员']);
const TITLE_ALT = TITLES.join('|');
/** A position: titles, each with the body it belongs to, joined by 、 (党组成员、副局长; 组织委员、初二年级组长). */
const POSITION_RE = new RegExp(`^(?:[${HAN}${MARK}]{0,10}?(?:${TITLE_ALT}))(?:、(?:[${HAN}${MARK}]{0,10}?(?:${TITLE_ALT})))*`);
const POSITION_LEAD_RE = /(?:作为|身为|担任|任职|我是)(?:一名|一位|一个)?/g;

/** Common surnames, so that a short line of the 落款 can be told to be a name. */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(''),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '司徒', '夏侯', '慕容', '尉迟', '长孙', '公孙', '宇文'];
const SPEAKER_RE = new RegExp(`(?:发言人|汇报人|报告人|撰写人|作者|姓名|署名)[:：]\\s*([${HAN}${MARK}]{2,4})`, 'g');

/** Digits, and the X of model texts that leave the year or the day to fill (20XX年度, X月X日). */
const DIGIT = '[0-9０-９XＸx]';
const CN_DIGIT = '[〇零○Ｏ一二三四五六七八九]';
const CN_NUMBER = '[一二三四五六七八九十]{1,3}';
const YEAR = `(?:19|20|１９|２０)${DIGIT}{2}\\s*年`;
const MONTH_DAY = `${DIGIT}{1,2}\\s*月(?:\\s*${DIGIT}{1,2}\\s*[日号])?`;
const RANGE_SEP = '(?:至|到|—|–|~|～|-)';
/** Dates before years: in one alternation, a date's year is never taken alone. */
const TIME_RE = new RegExp(
  `(?<date>${[
    `${YEAR}\\s*${MONTH_DAY}(?:\\s*${RANGE_SEP}\\s*(?:${YEAR}\\s*)?${MONTH_DAY})?`,
    `${CN_DIGIT}{4}年${CN_NUMBER}月(?:${CN_NUMBER}日)?`,
    `${YEAR}(?:上半年|下半年|第?[一二三四]季度|全年)`,
    `(?:今年|去年|上年|本年|当年)${MONTH_DAY}`,
  ].join('|')})|(?<year>${YEAR}度?|${CN_DIGIT}{4}年度?)`,
  'g',
);

const MEETING_SUFFIX_RE = /民主生活会|组织生活会|党员大会|代表大会|座谈会|推进会|动员会|部署会|总结会|研讨会|交流会|务虚会/g;
const COURSE_SUFFIX_RE = /研修班|培训班|进修班|轮训班|读书班|学习班|训练班|专题班|示范班|学习教育|主题教育|集中教育/g;
/** The genre's own meetings are named without a year too (主题教育专题民主生活会); any other meeting (座谈会) only with one. */
const GENRE_MEETING_RE = /生活会$/;
/** Modifiers that say nothing of which meeting: 这次组织生活会, 上年度民主生活会. */
const GENERIC_MODIFIERS = /^(?:专题|本次|这次|此次|该次|上年度|本年度|年度|今年|去年|上一年度|会前|一次|这个|本期)?$/;
const MAX_NAME = 24;

interface Candidate {
  text: string;
  kind: SpecificKind;
  /** The name it asks for; a number is added when another candidate took it first. */
  name: string;
  /** Kept even when every occurrence is inside a longer proposal: the year of a meeting's name, a 落款 unit's own name. */
  keepInside?: boolean;
}

/**
 * Proposed placeholders for a report's paragraphs, one per distinct value,
 * in order of first occurrence.
 */
export function proposePlaceholders(paragraphs: readonly string[]): PlaceholderProposal[] {
  const found = new Candidates();
  const signature = signatureLines(paragraphs);
  const body = paragraphs.slice(0, paragraphs.length - signature.length).join('\n');
  const signatureDates = new Set<string>();
  const writer = new WriterUnit();

  for (const line of signature) readSignatureLine(line, body, found, writer, signatureDates);
  // A speech names its speaker under the title as often as at the end: 发言人：某某县财政局　李某.
  for (const line of paragraphs.slice(0, paragraphs.length - signature.length)) {
    if (SPEAKER_LINE_RE.test(line) && line.length <= SIGNATURE_MAX) readSignatureLine(line, body, found, writer, signatureDates);
  }

  const units: UnitFind[] = [];
  const places: string[] = [];
  paragraphs.forEach((text, index) => {
    findTimes(text, found, signatureDates);
    findNamedEvents(text, MEETING_SUFFIX_RE, 'meeting', found);
    findNamedEvents(text, COURSE_SUFFIX_RE, 'course', found);
    units.push(...findUnits(text, index));
    places.push(...findPlaces(text, found));
    for (const m of text.matchAll(SPEAKER_RE)) addPerson(m[1]!, found);
    findComrades(text, found);
    findShortFormDeclarations(text, units);
  });
  const signed = found.list().filter((c) => c.kind === 'unit' || c.kind === 'unit-short').map((c) => c.text);
  const roles = findRoles(paragraphs, units, places, signed);

  writer.chooseFrom(units, roles);
  const shorts = addShortForms(paragraphs, writer, units, found);
  addUnits(units, writer, shorts, found);
  addRoles(roles, found);
  return finish(paragraphs, withoutHistory(found.list()));
}

/** When two rules find the same words, what they are: a unit's words are a unit even where they also read as a place. */
const KIND_RANK: Record<SpecificKind, number> = { unit: 0, 'unit-short': 1, meeting: 2, course: 2, position: 3, person: 4, date: 5, year: 5, place: 6 };

class Candidates {
  private readonly byText = new Map<string, Candidate>();

  add(candidate: Candidate) {
    const text = candidate.text;
    if (text.length < 2 || GENERIC_WORDS.has(text) || /[{}\n]/.test(text)) return;
    const known = this.byText.get(text);
    if (!known) this.byText.set(text, { ...candidate });
    else {
      if (KIND_RANK[candidate.kind] < KIND_RANK[known.kind]) Object.assign(known, { kind: candidate.kind, name: candidate.name });
      if (candidate.keepInside) known.keepInside = true;
    }
  }

  /** The writer's short forms are short forms even where another rule read them as a unit of their own (乡机关党支部). */
  setShort(candidate: Candidate) {
    this.add(candidate);
    const known = this.byText.get(candidate.text);
    if (known) Object.assign(known, { kind: candidate.kind, name: candidate.name });
  }

  list(): Candidate[] {
    return [...this.byText.values()];
  }
}

// ---- Times -----------------------------------------------------------------

function findTimes(text: string, found: Candidates, signatureDates: ReadonlySet<string>) {
  for (const m of text.matchAll(TIME_RE)) {
    if (isDigit(text[m.index - 1] ?? '')) continue;
    if (m.groups!.year !== undefined) {
      found.add({ text: m[0], kind: 'year', name: m[0].endsWith('度') ? '年度' : '年份', keepInside: true });
    } else {
      found.add({ text: m[0], kind: 'date', name: signatureDates.has(m[0]) ? '日期' : '时间' });
    }
  }
}

/**
 * The years a report cites from history (1921年, 2012年以来, 2021年7月1日) are
 * none of its specifics: only its own year, the latest it names, and the one
 * before (2025年 in a report on 2026) are.
 */
function withoutHistory(candidates: readonly Candidate[]): Candidate[] {
  const yearOf = (c: Candidate) => (c.kind === 'year' || c.kind === 'date' ? yearValue(c.text) : null);
  const years = candidates.map(yearOf).filter((y): y is number => y !== null);
  if (years.length === 0) return [...candidates];
  const latest = Math.max(...years);
  return candidates.filter((c) => (yearOf(c) ?? latest) >= latest - 1);
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** The year a date or year starts with, in Arabic or Chinese numerals; null for 今年9月. */
function yearValue(text: string): number | null {
  const digits = text.match(/^[0-9０-９〇零○Ｏ一二三四五六七八九]{4}(?=\s*年)/)?.[0];
  // 20XX年: a year left to fill is the report's own.
  if (!digits) return null;
  return Number(
    [...digits]
      .map((ch) => (isDigit(ch) ? String((ch.codePointAt(0)! - (ch >= '０' ? 0xff10 : 0x30))) : String(Math.max(0, CHINESE_DIGITS.indexOf(ch)))))
      .join(''),
  );
}

// ---- Meetings and courses ----------------------------------------------------

/**
 * A meeting's or course's name: the words before its suffix back to where the
 * sentence leaves off. A meeting with a year starts at the year (青禾街道党工委书记
 * 2026年度民主生活会 is the writer's position, then the meeting); a course keeps
 * who holds it (县委党校2026年秋季中青年干部培训班), but one named in quotes starts
 * at the quotes (in 市县级领导干部“创新领导力提升”高级研修班 the first words say who
 * attends).
 */
function findNamedEvents(text: string, suffixRe: RegExp, kind: 'meeting' | 'course', found: Candidates) {
  for (const m of text.matchAll(suffixRe)) {
    if (kind === 'course' && text[m.index + m[0].length] === '子') continue;
    let start = nameStart(text, m.index);
    // A name with 和 in it (县以下党和国家机关…民主生活会) is still one name when a year starts it.
    if (text[start - 1] === '和') {
      const before = text.slice(Math.max(0, start - MAX_NAME), start);
      const year = [...before.matchAll(new RegExp(YEAR, 'g'))].pop();
      if (year && [...before.slice(year.index)].every((ch) => isNameChar(ch) || /\s/.test(ch))) start -= before.length - year.index;
    }
    const head = text.slice(start, m.index);
    const year = head.search(new RegExp(YEAR));
    if (kind === 'meeting' && year > 0) start += year;
    else if (kind === 'course' && year < 0) {
      const quote = head.search(/[“「『"]/);
      if (quote > 0 && !/^(?:第.{1,4}期|\d{4}年度?)$/.test(head.slice(0, quote))) start += quote;
    }
    const name = text.slice(start, m.index + m[0].length);
    const modifier = name.slice(0, -m[0].length).replace(new RegExp(`^${YEAR}度?`), '');
    const hasYear = name.length - m[0].length - modifier.length > 0;
    if (!hasYear && !namesOne(modifier, m[0])) continue;
    const suffix = kind === 'course' ? m[0] : '';
    found.add({ text: name, kind, name: kind === 'meeting' ? '会议名称' : `${suffix}名称` });
  }
}

/**
 * Whether the words before a suffix tell one meeting or course from another:
 * 主题教育专题 does, 这次 and 专题 do not — except for a study campaign, which
 * is called 专题学习教育. A meeting other than the genre's own needs a year.
 */
function namesOne(modifier: string, suffix: string): boolean {
  if (modifier === '' || /^(?:这次|本次|此次|该次|这个)/.test(modifier)) return false;
  if (/教育$/.test(suffix)) return true;
  if (!GENRE_MEETING_RE.test(suffix) && !/班$/.test(suffix)) return false;
  return modifier.length >= 2 && !GENERIC_MODIFIERS.test(modifier);
}

/** Where a name ending at `end` starts: back over name characters and quoted words, to punctuation or a word that leads into a name. */
function nameStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && end - i < MAX_NAME) {
    const ch = text[i - 1]!;
    if (ch === '”' || ch === '」' || ch === '』' || ch === '"') {
      const open = text.lastIndexOf(ch === '”' ? '“' : ch === '」' ? '「' : ch === '』' ? '『' : '"', i - 2);
      if (open < 0 || i - open > MAX_NAME || /[。！？；]/.test(text.slice(open, i))) break;
      i = open;
      continue;
    }
    if (!isNameChar(ch) || leadsIntoName(text, i)) break;
    i--;
  }
  return i;
}

function leadsIntoName(text: string, at: number): boolean {
  return LEFT_WORDS_1.has(text[at - 1] ?? '') || (LEFT_WORDS_2_ENDS.has(text[at - 1] ?? '') && LEFT_WORDS_2.has(text.slice(at - 2, at)));
}

/**
 * A name can start at `at`: the paragraph or clause starts there, or a word
 * that leads into a name ends there — and no such word starts there (根据市委
 * starts at 市).
 */
function startsName(text: string, at: number): boolean {
  const first = text[at]!;
  if (LEFT_WORDS_1.has(first) || (LEFT_WORDS_2_STARTS.has(first) && LEFT_WORDS_2.has(text.slice(at, at + 2)))) return false;
  const before = text[at - 1];
  if (at === 0 || !isNameChar(before)) return true;
  if (isMark(first) && !isMark(before)) return true;
  return leadsIntoName(text, at);
}

// ---- Units ---------------------------------------------------------------------

interface UnitParse {
  text: string;
  /** Named by a descriptor alone (工业园区): a unit only if the report names it so more than once, or as its own. */
  described?: boolean;
  /** The places in front, each with its proper name: ['X县', '青石镇']. */
  places: string[];
  body: string;
  suffix: string;
}

interface UnitFind extends UnitParse {
  /** The words right before and after it in the sentence. */
  before: string;
  after: string;
  /** Which paragraph, and where in it. */
  paragraph: number;
  at: number;
  /** A short form the report declares for it: （以下简称城投集团）. */
  declaredShort?: string;
}

const ORG_SUFFIX_RE = new RegExp(`${ORG_LONG.join('|')}|[${ORG_SHORT}]`, 'g');
/** Words that end in an organisation's suffix; the match is the suffix. */
const ORG_END_RE = new RegExp(`(?:${ORG_LONG.join('|')}|[${ORG_SHORT}])$`);
const ADMIN_ALT = ADMIN.join('|');
const PLACE_LEVEL_RE = new RegExp(`^(?:([${MARK}]{1,3}|[${HAN}]{2,4}?)?(${ADMIN_ALT}))`);

/** The units named in a paragraph: each organisation suffix, with the longest name before it that starts where a name can. */
function findUnits(text: string, paragraph: number): UnitFind[] {
  const units: UnitFind[] = [];
  for (const m of text.matchAll(ORG_SUFFIX_RE)) {
    const suffix = m[0];
    const end = m.index + suffix.length;
    if (!suffixStands(text, m.index, suffix)) continue;
    let runStart = m.index;
    while (runStart > 0 && m.index - runStart < MAX_NAME && isNameChar(text[runStart - 1])) runStart--;
    for (let start = runStart; start < m.index; start++) {
      if (!startsName(text, start)) continue;
      const unit = parseUnit(text.slice(start, end));
      if (unit) {
        units.push({ ...unit, before: text.slice(Math.max(0, start - 4), start), after: text.slice(end, end + 30), paragraph, at: start });
        break;
      }
    }
  }
  return units;
}

function suffixStands(text: string, index: number, suffix: string): boolean {
  const next = text[index + suffix.length] ?? '';
  if (suffix.length === 1) {
    const before = text[index - 1];
    if (before && NOT_BEFORE_SHORT[suffix]?.includes(before)) return false;
    return !(next && NOT_AFTER_SUFFIX.includes(next));
  }
  return !(next && NOT_AFTER_LONG[suffix]?.includes(next));
}

/**
 * Reads words as a unit's name: places (X县, 青石镇, 市), then what the unit
 * does (农业农村, 发展和改革), then its suffix. A one-character suffix needs a
 * place or a stand-in name in front (X市财政局, 县委), or it is just a word; a
 * descriptor alone names only the kinds of unit in DESCRIBED_ORG (工业园区).
 */
function parseUnit(words: string): UnitParse | null {
  let rest = words.startsWith('中共') ? words.slice(2) : words;
  const suffixMatch = rest.match(ORG_END_RE);
  if (!suffixMatch) return null;
  const suffix = suffixMatch[0];
  const places: string[] = [];
  let body = rest.slice(0, rest.length - suffix.length);
  for (;;) {
    const level = body.match(PLACE_LEVEL_RE);
    // A place's committee or government is named by the place alone (县委, 某某乡党委); other units say what they do.
    if (!level || (level[0].length === body.length && !PLACE_BODY_RE.test(suffix))) break;
    const name = level[1] ?? '';
    if (name && !MARK_RE.test(name) && !isPlaceName(name)) break;
    if (!name && places.length > 0) break;
    if (!levelStands(level[0], level[2]!, body[level[0].length])) break;
    places.push(level[0]);
    body = body.slice(level[0].length);
  }
  rest = body;
  if ([...rest].some((ch) => STOP.has(ch))) return null;
  // 区县医院, 乡镇卫生院: levels in general, not one unit.
  if (places.every((p) => ADMIN.includes(p)) && isLevelWord(places.join('') + rest) && !PLACE_BODY_RE.test(suffix)) return null;
  // 市委组织部和X大学, 镇党委统一部署和村党支部: two names, found each by itself.
  const and = rest.indexOf('和');
  if (and >= 0 && (ORG_END_RE.test(rest.slice(0, and)) || ADMIN.includes(rest[and + 1] ?? '') || MARK_RE.test(rest[and + 1] ?? ''))) return null;
  if (/党委|党组|党支部|党工委/.test(rest)) return null;
  const marked = MARK_RE.test(words[0]!) || (words.startsWith('中共') && MARK_RE.test(words[2] ?? ''));
  if (suffix.length === 1 || !DESCRIBED_ORG.has(suffix)) {
    if (places.length === 0 && !marked) return null;
    if (suffix.length === 1 && rest.length === 0 && !(suffix === '委' && places.length > 0)) return null;
  } else if (places.length === 0 && !marked) {
    if (MARK_RE.test(rest) || rest.length < 2 || NOT_NAME_START.has(rest[0]!) || GENERIC_DESCRIPTORS.has(rest)) return null;
  }
  return { text: words, places, body: rest, suffix, described: places.length === 0 && !marked };
}

/** A level's character is a level, not part of an ordinary word (城市, 小区, 村民). */
function levelStands(place: string, admin: string, next: string | undefined): boolean {
  const before = place[place.length - admin.length - 1];
  return !(next && NOT_AFTER_ADMIN[admin]?.includes(next)) && !(before && NOT_BEFORE_ADMIN[admin]?.includes(before));
}

/** A proper name in front of a place's level: not a verb's or a quantity's start, not a level itself (区辖镇, 县乡村), no particles. */
function isPlaceName(name: string): boolean {
  return (
    name.length <= 3 &&
    !NOT_NAME_START.has(name[0]!) &&
    !ADMIN.includes(name[0]!) &&
    ![...name].some((ch) => STOP.has(ch) || MODAL.has(ch) || NOT_IN_NAME.has(ch)) &&
    !GENERIC_DESCRIPTORS.has(name)
  );
}

/** The words before a place's own suffix (青山烈士 | 陵园, 城东 | 片区): a name or a short description, no verbs. */
function isPlaceDescriptor(words: string): boolean {
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    !NOT_NAME_START.has(words[0]!) &&
    ![...words].some((ch) => !isHan(ch) || STOP.has(ch) || MODAL.has(ch) || NOT_IN_NAME.has(ch)) &&
    !GENERIC_DESCRIPTORS.has(words)
  );
}

/** “X市城市建设投资集团有限公司（以下简称城投集团）”: the short form the report itself declares. */
function findShortFormDeclarations(text: string, units: UnitFind[]) {
  for (const m of text.matchAll(/[（(](?:以下)?简称[“"]?([^）)”"]{2,10})[”"]?[）)]/g)) {
    const unit = units.findLast((u) => text.lastIndexOf(u.text, m.index) === m.index - u.text.length);
    if (unit) unit.declaredShort = m[1]!;
  }
}

/** The writer's own unit: the 落款's, else the one they say they belong to (作为…), else the one the report names most. */
class WriterUnit {
  unit: UnitParse | null = null;
  /** The report names its unit only by its own name (白沙镇), which is the short form of a fuller one (X县白沙镇). */
  shortOnly = false;
  private fromSignature = false;

  setFromSignature(unit: UnitParse) {
    if (!this.fromSignature) {
      this.unit = unit;
      this.fromSignature = true;
    }
  }

  chooseFrom(units: readonly UnitFind[], roles: readonly Role[]) {
    if (this.fromSignature) return;
    // 作为镇纪委书记 names a body of the place, and 按照市委 the place's committee, not the writer's unit: that needs a proper name.
    const proper = units.filter((u) => u.body || u.places.some((p) => !ADMIN.includes(p)));
    const declared = proper.find((u) => /作为|身为|担任/.test(u.before)) ?? proper.find((u) => roles.some((r) => r.unit === u.text));
    if (declared) {
      this.unit = headUnit(declared);
      return;
    }
    const place = roles.find((r) => r.place)?.place;
    const placeAsUnit = place ? placeUnit(place) : null;
    if (placeAsUnit) {
      this.unit = placeAsUnit;
      // A town or a street is named in full with its county or district (X县白沙镇); a community or village by itself.
      this.shortOnly = placeAsUnit.places.length === 1 && !MARK_RE.test(place!) && !/(?:社区|村)$/.test(place!);
      return;
    }
    const counts = new Map<string, { unit: UnitParse; n: number }>();
    const named = timesNamed(units);
    for (const u of proper.filter((u) => isNamedEnough(u, named))) {
      const head = headUnit(u);
      const entry = counts.get(head.text) ?? { unit: head, n: 0 };
      entry.n++;
      counts.set(head.text, entry);
    }
    let best: { unit: UnitParse; n: number } | null = null;
    for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
    this.unit = best?.unit ?? null;
  }

  is(text: string) {
    return this.unit?.text === text;
  }
}

/**
 * The unit a party body belongs to: 市国资委党委 → 市国资委, X县青石镇党委 →
 * X县青石镇, X市实验中学第二党支部 → X市实验中学; 市直机关工委 stays (市直机关
 * names no unit).
 */
function headUnit(unit: UnitParse): UnitParse {
  const numbered = unit.text.match(QUALIFIED_BRANCH_RE);
  if (numbered) {
    for (let k = 0; k <= BRANCH_DESCRIPTOR_MAX && k <= numbered.index!; k++) {
      const head = unit.text.slice(0, numbered.index! - k);
      const parsed = parseUnit(head) ?? placeUnit(head);
      if (parsed) return parsed;
    }
    return unit;
  }
  const party = unit.text.match(PARTY_ORG_RE);
  if (!party) return unit;
  const head = unit.text.slice(0, party.index);
  return parseUnit(head) ?? placeUnit(head) ?? unit;
}

/** Words that are places only (X县青石镇, X区青禾街道), read as a unit. */
function placeUnit(words: string): UnitParse | null {
  const places: string[] = [];
  let rest = words;
  while (rest) {
    const level = rest.match(PLACE_LEVEL_RE);
    if (!level) return null;
    const name = level[1] ?? '';
    if (name && !MARK_RE.test(name) && !isPlaceName(name)) return null;
    places.push(level[0]);
    rest = rest.slice(level[0].length);
  }
  if (!places.some((p) => p.length > 1)) return null;
  return { text: words, places, body: '', suffix: ADMIN.find((a) => words.endsWith(a))! };
}

/**
 * Splits a 落款's unit named down to its department (X市财政局预算科) into the
 * unit and the department; the 落款 vouches for the unit's words as it does
 * for the whole (国家税务总局某某县税务局 | 办公室).
 */
function splitDepartment(unit: UnitParse): { head: UnitParse; department: string } | null {
  const words = unit.text;
  for (let cut = words.length - Math.max(unit.suffix.length, 3); cut >= 3; cut--) {
    const department = words.slice(cut);
    if (LEGAL_FORM_RE.test(department) || PARTY_ORG_RE.test(department) || cutsSuffixWord(words, cut)) continue;
    if (!DEPARTMENT_RE.test(department)) continue;
    const head = parseUnit(words.slice(0, cut)) ?? signedUnit(words.slice(0, cut));
    if (head && !startsOwnUnit(department)) return { head, department };
  }
  return null;
}

/** A cut inside an organisation's word (县委|员会办公室) is no cut between a unit and its department. */
function cutsSuffixWord(words: string, cut: number): boolean {
  return ORG_LONG.some((word) => {
    for (let at = words.indexOf(word); at >= 0; at = words.indexOf(word, at + 1)) if (at < cut && cut < at + word.length) return true;
    return false;
  });
}

/** Words that start with a place or a stand-in name start a unit of their own, not a department (预算科, 办公室). */
function startsOwnUnit(words: string): boolean {
  return MARK_RE.test(words[0]!) || PLACE_LEVEL_RE.test(words);
}

/** A unit named by a descriptor alone is one only if the report names it so twice (工业园区), not once in passing (努力推动园区). */
function isNamedEnough(unit: UnitFind, timesNamed: ReadonlyMap<string, number>): boolean {
  return !unit.described || (timesNamed.get(unit.text) ?? 0) >= 2;
}

function timesNamed(units: readonly UnitFind[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.text, (counts.get(u.text) ?? 0) + 1);
  return counts;
}

/**
 * The units of the report as proposals. The writer's unit covers its own party
 * body (X市财政局机关党委 is X市财政局's); another unit's party body is the
 * body the report means (县教育局党委 leads the writer's school), and a place's
 * (某某街道党工委) is that place.
 */
function addUnits(units: readonly UnitFind[], writer: WriterUnit, writerShorts: ReadonlySet<string>, found: Candidates) {
  const writerUnit = writer.unit;
  if (writerUnit && writer.shortOnly) found.add({ text: writerUnit.text, kind: 'unit-short', name: '单位简称' });
  else if (writerUnit) found.add({ text: writerUnit.text, kind: 'unit', name: '单位全称', keepInside: true });
  const named = timesNamed(units);
  for (const unit of units) {
    if (!isNamedEnough(unit, named)) continue;
    const head = headUnit(unit);
    if (head.text !== unit.text && QUALIFIED_BRANCH_RE.test(unit.text)) {
      found.add({ text: unit.text, kind: 'unit', name: '党组织名称' });
      found.add({ text: head.text, kind: 'unit', name: writer.is(head.text) ? '单位全称' : '单位名称', keepInside: true });
      continue;
    }
    if (writer.is(head.text) || writerShorts.has(head.text) || writerShorts.has(unit.text)) continue;
    if (head.text !== unit.text && head.body === '' && ADMIN.includes(head.suffix)) {
      found.add({ text: head.text, kind: 'place', name: '地名' });
      continue;
    }
    if (isVisited(unit)) {
      found.add({ text: unit.text, kind: 'place', name: '地名' });
      continue;
    }
    found.add({ text: unit.text, kind: 'unit', name: unitRole(unit) });
    if (unit.declaredShort) found.add({ text: unit.declaredShort, kind: 'unit-short', name: '单位简称' });
  }
}

/** A unit the writer went to (在县委党校参加了, 赴…, 到…) is where something happened, not who; 在…的领导下 is who. */
function isVisited(unit: UnitFind): boolean {
  if (/前往|来到|走进|[到赴]$/.test(unit.before)) return true;
  return unit.before.endsWith('在') && !/^(?:的|领导|指导|关心|支持|帮助)/.test(unit.after);
}

/** A more telling name than 单位名称 where the sentence says what the unit did. */
function unitRole(unit: UnitFind): string {
  if (/^(?:[^，。；]{0,10})(?:联合)?(?:举办|主办|承办)/.test(unit.after)) return '主办单位';
  if (/委$|党组$|工委$/.test(unit.text)) return '上级党组织';
  if (/按照|根据|依据/.test(unit.before)) return '上级单位';
  return '单位名称';
}

/**
 * The writer's unit as the report also names it: without its places
 * (X县青石镇 → 青石镇), by its kind (工业园区 → 园区), as “我镇”, with its party
 * body (局党组), abbreviated (城市建设投资集团 → 城投集团), or as the report
 * declares (以下简称…). Each only where the report uses it.
 */
function addShortForms(paragraphs: readonly string[], writer: WriterUnit, units: readonly UnitFind[], found: Candidates): Set<string> {
  const proposed = new Set<string>();
  const unit = writer.unit;
  if (!unit) return proposed;
  const text = paragraphs.join('\n');
  const shorts: string[] = [];
  for (const u of units) {
    if (u.declaredShort && headUnit(u).text === unit.text) {
      found.setShort({ text: u.declaredShort, kind: 'unit-short', name: '单位简称' });
      proposed.add(u.declaredShort);
    }
  }
  const withoutCpc = unit.text.replace(/^中共/, '');
  if (withoutCpc !== unit.text) shorts.push(withoutCpc);
  for (let k = 0; k < unit.places.length; k++) {
    const rest = withoutCpc.slice(unit.places.slice(0, k + 1).join('').length);
    const place = unit.places[k]!;
    const admin = ADMIN.find((a) => place.endsWith(a))!;
    if (place.length > admin.length && k === 0) shorts.push(admin + rest);
    if (rest.length >= 3 || (rest.length === 2 && !GENERIC_WORDS.has(rest) && unit.body === '')) shorts.push(rest);
  }
  const naming = SELF_NAMING[unit.suffix];
  if (naming?.word && unit.body) shorts.push(naming.word);
  const kindChar = naming?.char ?? (unit.suffix.length === 1 ? unit.suffix : ADMIN.find((a) => unit.text.endsWith(a)));
  if (kindChar) {
    shorts.push(`我${kindChar}`, `本${kindChar}`);
    if (kindChar.length === 1) for (const party of ['机关党委', '机关党支部', '党组', '党委', '党工委', '党总支', '党支部', '纪委']) shorts.push(kindChar + party);
  }
  shorts.push(...abbreviations(text, unit));
  for (const short of shorts) {
    if (short === unit.text || !standsAlone(text, short)) continue;
    const kind = /^[我本]/.test(short) && short.length <= 3 ? '单位自称' : PARTY_ORG_RE.test(short) || short.endsWith('纪委') ? '单位党组织' : '单位简称';
    found.setShort({ text: short, kind: 'unit-short', name: kind });
    proposed.add(short);
  }
  // The county or city the unit is in, as the report calls it: 本县, 我市.
  for (const place of unit.places.slice(0, -1).concat(unit.body || unit.suffix.length > 1 ? unit.places.slice(-1) : [])) {
    const admin = ADMIN.find((a) => place.endsWith(a))!;
    if (place.length === admin.length || admin === kindChar) continue;
    for (const word of [`本${admin}`, `我${admin}`]) if (standsAlone(text, word)) found.add({ text: word, kind: 'place', name: '所在地' });
  }
  return proposed;
}

/**
 * The words occur where a name can start (按照局党组), not only inside other
 * words (学校党委 is no 校党委); 我镇 and 本局 start a word wherever they stand.
 */
function standsAlone(text: string, words: string): boolean {
  const selfStarting = /^[我本]/.test(words);
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
    if (selfStarting || at === 0 || !isNameChar(text[at - 1]) || leadsIntoName(text, at)) return true;
  }
  return false;
}

/** Abbreviations of the unit in the report: its kind's word after characters taken in order from its name, the first kept (发展和改革局 → 发改局). */
function abbreviations(text: string, unit: UnitParse): string[] {
  const source = unit.body;
  if (!source) return [];
  // The kind's word, or its first character (委员会 → 委: 卫生健康委员会 → 卫健委), a legal form left out (集团有限公司 → 集团).
  const kind = unit.suffix.replace(/有限公司$|股份有限公司$|有限责任公司$/, '') || unit.suffix;
  const tails = [...new Set([kind, SELF_NAMING[unit.suffix]?.char ?? kind[0]!])];
  const level = unit.places.length > 0 ? ADMIN.find((a) => unit.places[unit.places.length - 1]!.endsWith(a))! : '';
  const out: string[] = [];
  for (const tail of tails) {
    for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + 1)) {
      for (let len = 2; len <= 4 && len <= at; len++) {
        const letters = text.slice(at - len, at);
        if (letters[0] !== source[0] || ![...letters].every(isHan) || !isSubsequence(letters, source)) continue;
        // 市卫健委: the unit's level in front is part of the short form.
        const words = (level && text.slice(at - len - level.length, at - len) === level ? level : '') + letters + tail;
        if (!unit.text.includes(words) && !unit.text.includes(letters + tail)) out.push(words);
      }
    }
  }
  return out;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

// ---- Places ----------------------------------------------------------------------

const PLACE_SUFFIX_RE = new RegExp([...PLACE_SUFFIXES, ...ADMIN].join('|'), 'g');

/** Places named as places: 青川县, 枫林社区, 城东片区, 青山烈士陵园 — a proper name where a name can start, then a place's suffix. */
function findPlaces(text: string, found: Candidates): string[] {
  const places: string[] = [];
  for (const m of text.matchAll(PLACE_SUFFIX_RE)) {
    const suffix = m[0];
    const end = m.index + suffix.length;
    const next = text[end] ?? '';
    const isLevel = ADMIN.includes(suffix);
    // 紧扣县委: a place's committee is a unit, found as one.
    if (isLevel && next === '委') continue;
    for (let len = isLevel ? 3 : 6; len >= 1; len--) {
      const start = m.index - len;
      if (start < 0 || !startsName(text, start)) continue;
      const name = text.slice(start, m.index);
      const marked = [...name].every(isMark);
      if (!marked && !(isLevel ? len >= 2 && [...name].every(isHan) && isPlaceName(name) : isPlaceDescriptor(name))) continue;
      if (isLevel && !levelStands(name + suffix, suffix, next)) continue;
      found.add({ text: name + suffix, kind: 'place', name: '地名' });
      places.push(name + suffix);
      // 清河县东坝镇: a place inside the one before it is named with it.
      const chain = isLevel ? leadingPlace(text.slice(start, start + MAX_NAME)) : null;
      if (chain && chain.length > name.length + suffix.length) {
        found.add({ text: chain, kind: 'place', name: '地名' });
        places.push(chain);
      }
      break;
    }
  }
  return places;
}

// ---- Positions -------------------------------------------------------------------

/** The writer's role as one phrase tells it: 作为 [unit or place] [department] position. */
interface Role {
  position: string;
  /** The unit the report's title puts in front of the position (X县委办公室副主任个人党性分析报告): the writer's. */
  unit?: string;
  /** A place the phrase puts in front of the position (白沙镇党委委员): where the writer works. */
  place?: string;
  department?: string;
}

/**
 * The writer's roles as the report states them: after 作为/担任 (作为一名乡镇党委书记, 作为X市财政局
 * 预算科科长), and a place followed straight by a position (青禾社区党委书记的职责,
 * 青禾街道党工委书记2026年度…), and the title's unit followed by a position
 * (X县委办公室副主任个人党性分析报告). The unit in front is left to the unit's own
 * placeholder; before a bare two-character title (科长, 主任) the department stays,
 * as it says what the title is of (预算科科长, 车间主任).
 */
function findRoles(paragraphs: readonly string[], units: readonly UnitFind[], places: readonly string[], signed: readonly string[]): Role[] {
  // A unit's party body stays out of the prefix: 党支部书记 is the position in X县第二实验中学党支部书记.
  const unitWords = [...new Set([...units.map((u) => u.text), ...units.flatMap((u) => (u.declaredShort ? [u.declaredShort] : [])), ...signed])]
    .filter((u) => !PARTY_ORG_RE.test(u) || QUALIFIED_BRANCH_RE.test(u))
    .sort((a, b) => b.length - a.length);
  const roles: Role[] = [];
  const text = paragraphs.join('\n');
  for (const m of text.matchAll(POSITION_LEAD_RE)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80).replace(/^([^，。；：！？,;:!?]*?)[（(][^）)]{0,24}[）)]/, '$1');
    const role = readRole(after.match(/^[^，。；：！？,;:!?\s]*/)![0], unitWords, true);
    if (role) roles.push(role);
  }
  for (const place of new Set(places)) {
    for (let at = text.indexOf(place); at >= 0; at = text.indexOf(place, at + place.length)) {
      const rest = text.slice(at + place.length, at + place.length + 30);
      if (!startsWithTitleBody(rest)) continue;
      const role = readRole(place + rest.match(POSITION_RE)?.[0], [], false);
      if (role?.place) roles.push(role);
    }
  }
  for (const unit of units.filter((u) => u.paragraph === 0)) {
    if (unit.at === 0 && startsWithTitleBody(unit.after)) {
      const role = readRole(unit.text + unit.after.match(POSITION_RE)?.[0], [unit.text], false);
      if (role) roles.push({ ...role, unit: unit.text });
    }
  }
  return roles;
}

function readRole(phrase: string, unitWords: readonly string[], led: boolean): Role | null {
  let words = phrase;
  const unit = unitWords.find((u) => words.startsWith(u) && words.length > u.length);
  let place: string | undefined;
  if (unit) words = words.slice(unit.length);
  else {
    const levels = leadingPlace(words);
    if (levels && startsWithTitleBody(words.slice(levels.length))) {
      place = levels;
      words = words.slice(levels.length);
    }
  }
  const m = words.match(POSITION_RE);
  if (!m) return null;
  const parts = m[0].slice(m[0].lastIndexOf('的') + 1).split('、');
  const first = parts[0]!;
  const title = TITLES.find((t) => first.endsWith(t))!;
  const body = first.slice(0, -title.length);
  let department: string | undefined;
  const org = body.match(ORG_END_RE);
  if (org && body.length >= 3 && DEPARTMENT_RE.test(body) && !PARTY_ORG_RE.test(body) && !ADMIN.includes(body[0]!)) {
    department = body;
    parts[0] = title.length > 2 ? title : body.length <= 4 ? body + title : org[0] + title;
  } else if (!led && !place && title === first) return null;
  // After a place, its party committee goes with the unit when the title says enough alone (某某乡党委 | 副书记), not before 书记 or 委员.
  // The party body goes with the unit in front when the title says enough alone (某某乡党委 | 副书记); before 书记 or
  // 委员 it stays (党支部书记). Words in front of it name the unit, which has its own placeholder (学院教工第一党支部书记,
  // 公司党委副书记, 局党组书记); a level (乡镇党委书记, 社区党委书记) says what kind of secretary, and stays.
  const party = body.match(PARTY_ORG_RE)?.[0];
  const namesUnit = party !== undefined && (party === body ? Boolean(place || unit) : !isLevelWord(body.slice(0, -party.length)));
  if (party && namesUnit) parts[0] = title.length > 2 && !WEAK_TITLES.has(title) ? title : party.replace(/^机关/, '') + title;
  if (unit && parts[0] === title && title.length <= 2 && DEPARTMENT_RE.test(unit)) parts[0] = (unit.length <= 4 ? unit : unit.match(DEPARTMENT_RE)![0]) + title;
  const position = parts.join('、');
  if (!isPosition(position)) return null;
  return { position, place, department };
}

/** Words made of administrative levels only: 乡镇, 社区, 县, 村. */
function isLevelWord(words: string): boolean {
  return new RegExp(`^(?:${ADMIN_ALT})+$`).test(words);
}

/** The places a phrase starts with (白沙镇, X县青石镇), or null. */
function leadingPlace(words: string): string | null {
  let at = 0;
  for (;;) {
    const level = words.slice(at).match(PLACE_LEVEL_RE);
    const name = level?.[1];
    if (!level || !name || (!MARK_RE.test(name) && !isPlaceName(name)) || !levelStands(level[0], level[2]!, words[at + level[0].length])) break;
    at += level[0].length;
  }
  return at > 0 ? words.slice(0, at) : null;
}

/** Right after a unit or place, a position starts with its title or a party body (党委书记, 副局长), not with any word that happens to end in a title. */
function startsWithTitleBody(words: string): boolean {
  return /^(?:副|党|纪|组织|宣传|常务|主要|总|董事|监事)/.test(words) || TITLES.some((t) => words.startsWith(t));
}

/**
 * Positions, departments and the places of roles as proposals. A position
 * inside a longer one of the same writer (年级组长 in 组织委员、初二年级组长; 镇纪委书记
 * beside 党委委员、纪委书记) is the same position said shorter.
 */
function addRoles(roles: readonly Role[], found: Candidates) {
  const positions = [...new Set(roles.map((r) => r.position))];
  for (const position of positions) {
    const shorter = position.replace(new RegExp(`^(?:${ADMIN_ALT})`), '');
    const inside = (other: string) => other !== position && (other.includes(position) || (shorter !== position && other.length > shorter.length && other.includes(shorter)));
    if (positions.some(inside)) continue;
    // Offered even where a department's name takes its words (二分厂机加工车间 | 车间主任): the user chooses.
    found.add({ text: position, kind: 'position', name: '职务', keepInside: true });
  }
  for (const role of roles) {
    if (role.department) found.add({ text: role.department, kind: 'unit', name: /[科室股处]$/.test(role.department) ? '科室名称' : '部门名称' });
  }
}

function isPosition(words: string): boolean {
  if (words.length < 3 || GENERIC_WORDS.has(words) || /总书记$/.test(words)) return false;
  return words.split('、').every((part) => {
    const title = TITLES.find((t) => part.endsWith(t));
    if (!title) return false;
    const body = part.slice(0, -title.length);
    if ([...body].some((ch) => STOP.has(ch))) return false;
    if (WEAK_TITLES.has(title)) return body.length >= 2 && !/^(?:班子|普通|一般|全体|党员)$/.test(body);
    return part.length >= 3 || words.includes('、');
  });
}

// ---- People and the 落款 -----------------------------------------------------------

/** A person's name: a common surname and one or two more characters (李某, 张某某, 欧阳某), or stand-ins only (某某某). */
function isPersonName(words: string): boolean {
  if (/^[某XＸ×]{2,3}$/.test(words)) return true;
  if (words.length < 2 || words.length > 4 || ![...words].every((ch) => isHan(ch) || MARK_RE.test(ch))) return false;
  const surname = COMPOUND_SURNAMES.find((s) => words.startsWith(s)) ?? words[0]!;
  if (!SURNAMES.has(surname) && !COMPOUND_SURNAMES.includes(surname)) return false;
  const given = words.slice(surname.length);
  return given.length >= 1 && given.length <= 2 && ![...given].some((ch) => STOP.has(ch) || MODAL.has(ch) || NOT_GIVEN_NAME.has(ch));
}

/** Characters of the words that precede 同志 without being a name (全体同志, 党员同志, 年轻同志). */
const NOT_GIVEN_NAME = new Set('体员们部级名些位班里方事务轻老新大他同志多');

function addPerson(words: string, found: Candidates) {
  if (isPersonName(words)) found.add({ text: words, kind: 'person', name: '姓名' });
}

/**
 * Colleagues named in a criticism speech: 王某同志 opening a paragraph, 对镇长李某同志,
 * 党委副书记陈某同志. A name is taken only there, or with a stand-in (某, X), so that
 * the figures a report learns from (学习焦裕禄同志) are not taken for colleagues.
 */
function findComrades(text: string, found: Candidates) {
  for (let at = text.indexOf('同志'); at >= 0; at = text.indexOf('同志', at + 2)) {
    for (let len = 4; len >= 2; len--) {
      const start = at - len;
      if (start < 0) continue;
      const name = text.slice(start, at);
      const before = text.slice(Math.max(0, start - 8), start);
      const addressed = start === 0 || before.endsWith('对') || TITLES.some((t) => before.endsWith(t));
      const marked = [...name].some(isMark) && (start === 0 || !isNameChar(before[before.length - 1]) || leadsIntoName(text, start));
      if ((addressed || marked) && isPersonName(name)) {
        addPerson(name, found);
        break;
      }
    }
  }
}

const SIGNATURE_MAX = 40;
const SPEAKER_LINE_RE = /^(?:发言人|汇报人|报告人)[:：]\s*(.+)$/;
const DATE_LINE_RE = new RegExp(`^[（(]?(?:${YEAR}\\s*${MONTH_DAY}|${YEAR}\\s*${DIGIT}{1,2}\\s*月|${CN_DIGIT}{4}年${CN_NUMBER}月(?:${CN_NUMBER}日)?)[）)]?$`);

/** The 落款: the short lines that end the report — unit, name, date — after its last sentence. */
function signatureLines(paragraphs: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = paragraphs.length - 1; i >= 1 && lines.length < 5; i--) {
    const line = paragraphs[i]!.trim();
    const isDate = DATE_LINE_RE.test(line.replace(/\s+/g, ''));
    const isShort = line.length <= SIGNATURE_MAX && !/[。！？；，,;!?]/.test(line) && !/^[一二三四五六七八九十]+[、.．]|^[（(]/.test(line);
    if (!isDate && !isShort && !SPEAKER_LINE_RE.test(line)) break;
    lines.unshift(line);
  }
  return lines;
}

/** One line of the 落款: a date; 发言人：陈某; a name; or unit, position and name, run together or apart. */
function readSignatureLine(line: string, body: string, found: Candidates, writer: WriterUnit, signatureDates: Set<string>) {
  const compact = line.replace(/\s+/g, '');
  if (DATE_LINE_RE.test(compact)) {
    signatureDates.add(line.replace(/^[（(]|[）)]$/g, ''));
    return;
  }
  const speaker = line.match(SPEAKER_LINE_RE);
  const tokens = (speaker ? speaker[1]! : line).split(/[\s\u3000]+/).filter(Boolean);
  tokens.forEach((token, index) => {
    if (isPersonName(token) && (index === tokens.length - 1 || tokens.length === 1)) {
      addPerson(token, found);
      return;
    }
    let rest = token;
    const nameAtEnd = rest.match(new RegExp(`(?:${TITLE_ALT})([${HAN}${MARK}]{2,4})$`));
    if (nameAtEnd && isPersonName(nameAtEnd[1]!)) {
      addPerson(nameAtEnd[1]!, found);
      rest = rest.slice(0, -nameAtEnd[1]!.length);
    }
    readSignatureUnit(rest, body, found, writer);
  });
}

/**
 * The unit of a 落款 line. The line is evidence enough that its words are a
 * unit even without a place in front (机加工车间党支部). A unit named down to its
 * department (X市财政局预算科) is the unit and the department — unless the report
 * names the whole elsewhere (X大学文学院), which is then the writer's unit and
 * its last part the short form (文学院).
 */
function readSignatureUnit(words: string, body: string, found: Candidates, writer: WriterUnit) {
  let unitWords = words;
  const role = signedRole(words);
  if (role) {
    unitWords = role.unit;
    found.add({ text: role.position, kind: 'position', name: '职务', keepInside: true });
    for (const department of role.departments) {
      found.add({ text: department, kind: 'unit', name: '部门名称', keepInside: true });
      const own = department.match(new RegExp(`^[${MARK}]+(.+)$`))?.[1];
      if (own && SELF_NAMING[own]?.word === own) found.add({ text: own, kind: 'unit-short', name: '部门简称' });
    }
  }
  const unit = parseUnit(unitWords) ?? placeUnit(unitWords) ?? signedUnit(unitWords);
  if (!unit) return;
  const head = headUnit(unit);
  // The party body is the writer's unit where the position is its title alone (某某村党支部 | 党支部书记) or follows it (某某乡党委 | 副书记).
  const party = unit.text.match(PARTY_ORG_RE)?.[0];
  const partyIsUnit = role && party && (!role.position.startsWith(party) || (!role.position.includes('、') && TITLES.includes(role.position.slice(party.length))));
  if (head.text !== unit.text && (QUALIFIED_BRANCH_RE.test(unit.text) || partyIsUnit)) found.add({ text: unit.text, kind: 'unit', name: '党组织名称', keepInside: true });
  const split = splitDepartment(head);
  if (split && body.includes(head.text)) {
    writer.setFromSignature(head);
    found.add({ text: head.text, kind: 'unit', name: '单位全称', keepInside: true });
    found.add({ text: split.department, kind: 'unit-short', name: '单位简称' });
    return;
  }
  if (split) {
    writer.setFromSignature(split.head);
    found.add({ text: split.head.text, kind: 'unit', name: '单位全称', keepInside: true });
    found.add({ text: split.department, kind: 'unit', name: /[科室股处]$/.test(split.department) ? '科室名称' : '部门名称', keepInside: true });
    return;
  }
  writer.setFromSignature(head);
  found.add({ text: head.text, kind: 'unit', name: '单位全称', keepInside: true });
}

/**
 * A 落款 line's unit and position run together: the shortest position at its
 * end after words that are a unit (某某乡党委 | 副书记). A bare title takes the
 * party body in front with it (某某村党支部 | 书记 → 党支部书记; X县公安局党委 |
 * 委员、某某派出所所长 → 党委委员、某某派出所所长), the unit keeping it too.
 */
function signedRole(words: string): { unit: string; position: string; departments: string[] } | null {
  for (let cut = words.length - 2; cut >= 2; cut--) {
    let position = words.slice(cut);
    if (position.match(POSITION_RE)?.[0] !== position) continue;
    const unit = words.slice(0, cut);
    if (!(parseUnit(unit) ?? placeUnit(unit) ?? signedUnit(unit))) continue;
    const first = position.split('、')[0]!;
    const party = unit.match(PARTY_ORG_RE)?.[0];
    if (party && TITLES.includes(first) && (first.length <= 2 || WEAK_TITLES.has(first))) position = party + position;
    if (!isPosition(position)) continue;
    const departments = position
      .split('、')
      .map((part) => part.slice(0, -TITLES.find((t) => part.endsWith(t))!.length))
      .filter((body) => MARK_RE.test(body[0] ?? '') && ORG_END_RE.test(body));
    return { unit, position, departments };
  }
  return null;
}

/** Words a 落款 line gives as its unit: they end in an organisation's suffix and read as a name (no particles). */
function signedUnit(words: string): UnitParse | null {
  const suffix = words.match(ORG_END_RE)?.[0];
  if (!suffix || words.length < 4 || [...words].some((ch) => STOP.has(ch) || !isNameChar(ch))) return null;
  return { text: words, places: [], body: words.slice(0, -suffix.length), suffix };
}

// ---- Counting and naming -------------------------------------------------------------

/**
 * Counts each candidate as applyPlaceholderRules would replace it (longer words
 * first), drops those the report never uses on their own (unless kept inside a
 * longer one on purpose), orders by first occurrence and makes names unique.
 */
function finish(paragraphs: readonly string[], candidates: Candidate[]): PlaceholderProposal[] {
  const rules = candidates.map((c) => ({ name: c.text, text: c.text }));
  const match = placeholderMatcher(rules);
  const counts = new Map<string, number>();
  for (const text of paragraphs) for (const m of match(text)) counts.set(m.rule.text, (counts.get(m.rule.text) ?? 0) + 1);
  const whole = paragraphs.join('\n');
  const kept = candidates
    .map((c) => ({ c, count: counts.get(c.text) ?? 0, first: whole.indexOf(c.text) }))
    .filter(({ c, count, first }) => first >= 0 && (count > 0 || c.keepInside))
    .sort((a, b) => a.first - b.first || b.c.text.length - a.c.text.length);
  const byName = new Map<string, number>();
  // The writer's own unit and the 落款's date take the plain names, whatever comes first.
  const reserved = kept.filter(({ c }) => c.name === '单位全称' || c.name === '日期').slice(0, 2);
  const order = [...reserved, ...kept.filter((k) => !reserved.includes(k))];
  const names = new Map<Candidate, string>();
  for (const { c } of order) {
    const n = (byName.get(c.name) ?? 0) + 1;
    byName.set(c.name, n);
    names.set(c, n === 1 ? c.name : `${c.name}${n}`);
  }
  return kept.map(({ c, count }) => ({ name: names.get(c)!, text: c.text, kind: c.kind, count }));
}
