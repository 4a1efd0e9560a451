/** The words and patterns that several of the rules finding a report's specifics share. */

/** Words that name no one report's specifics: never proposed, whatever rule finds them. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  '党委', '党组', '党工委', '工委', '党总支', '总支', '支部', '党支部', '组织', '党组织', '机关党委',
  '群众', '人民群众', '单位', '本单位', '我单位', '部门', '本部门', '机关', '基层', '上级', '中心',
  '党员', '干部', '领导', '领导干部', '党员领导干部', '班子', '领导班子', '班子成员', '委员会',
  '社区', '村', '乡镇', '街道', '镇村', '城乡', '农村', '地方', '本地', '当地', '全县', '全市', '全区',
  '公司', '集团', '学校', '医院', '政府', '党中央', '中央', '国家', '书记', '委员', '成员', '村两委', '两委', '办公室',
]);

export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
/** Stand-ins for a proper name in model texts and in reports shared anonymously: X县, 某某镇, XX局, A市. */
export const MARK = 'Xx×某A-ZＡ-Ｚ';
export const MARK_RE = new RegExp(`[${MARK}]`);
const MARKS = new Set('XＸx×某ABCDEFGHIJKLMNOPQRSTUVWXYZＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ');
export const isMark = (ch: string | undefined) => ch !== undefined && MARKS.has(ch);
export const isHan = (ch: string | undefined) => ch !== undefined && ch >= '\u3400' && ch <= '\u9fff' && (ch <= '\u4dbf' || ch >= '\u4e00');
export const isDigit = (ch: string) => (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９');
export const isNameChar = (ch: string | undefined) => ch !== undefined && (isHan(ch) || isDigit(ch) || MARKS.has(ch));

/** Administrative levels, longest first: 省 市 县 区 镇 乡 街道 村 社区 … */
export const ADMIN = ['特别行政区', '自治区', '自治州', '自治县', '街道', '社区', '省', '市', '州', '盟', '县', '旗', '区', '镇', '乡', '村'];

/** Organisation suffixes of two or more characters, longest first. */
export const ORG_LONG = [
  '股份有限公司', '有限责任公司', '集团有限公司', '管理委员会', '人民检察院', '人民法院', '人民政府',
  '中心卫生院', '中心医院', '中心小学', '中心学校',
  '有限公司', '委员会', '办公室', '管委会', '党工委', '党总支', '党支部', '服务中心', '开发区', '高新区',
  '幼儿园', '卫生院', '研究院', '研究所', '派出所', '检察院', '联合会', '合作社', '车间', '分厂',
  '工委', '党委', '党组', '总支', '支部', '中心', '新区', '园区', '大学', '学院', '学校', '中学', '小学',
  '医院', '公司', '集团', '银行', '法院', '纪委', '监委', '政府', '工会', '协会', '商会', '联社', '党校',
];

/** Party organisations: the unit's own party body (X县青石镇党委 is the town's), named with the unit. */
export const PARTY_ORG_RE = /(?:机关)?(?:党委|党组|党工委|党总支|党支部|总支|支部|工委)$/;

/** What a department of a unit is called (预算科, 办公室, 二分厂机加工车间, 某某派出所); a committee (镇纪委) is the place's own body. */
export const DEPARTMENT_RE = /(?:科|室|股|处|车间|分厂|学院|系|办公室|派出所|所|站|队|中心|部|办)$/;

/** A numbered branch is its own body: X市实验中学第二党支部, 某某学院教工第一党支部. */
export const QUALIFIED_BRANCH_RE = /第[一二三四五六七八九十0-9０-９]+(?:党支部|党总支|支部)$/;

/**
 * How a unit of each kind calls itself: the word its short form keeps (工业园区
 * → 园区) and the character of 我局, 我校, 局党组.
 */
export const SELF_NAMING: Record<string, { word?: string; char: string }> = {
  园区: { word: '园区', char: '区' }, 开发区: { word: '开发区', char: '区' }, 高新区: { word: '高新区', char: '区' },
  新区: { word: '新区', char: '区' }, 集团: { word: '集团', char: '集团' }, 集团有限公司: { word: '集团', char: '集团' },
  有限公司: { word: '公司', char: '公司' }, 股份有限公司: { word: '公司', char: '公司' }, 有限责任公司: { word: '公司', char: '公司' },
  公司: { word: '公司', char: '公司' }, 医院: { word: '医院', char: '院' }, 卫生院: { word: '卫生院', char: '院' },
  中心卫生院: { word: '卫生院', char: '院' }, 派出所: { word: '派出所', char: '所' }, 大学: { char: '校' },
  学院: { char: '院' }, 学校: { char: '校' }, 中学: { char: '校' }, 小学: { char: '校' }, 幼儿园: { char: '园' },
  银行: { char: '行' }, 委员会: { char: '委' }, 办公室: { char: '办' }, 管委会: { char: '委' }, 党校: { char: '校' },
};

/** Characters a name never contains, and a unit's own words rarely: particles, pronouns, quantifiers. */
export const STOP = new Set('的了是在与及对把被将我你他她它这那等之也都就还又并而但不没很更最该些每其此本全无从向为于以已曾如若则即因到着过给让使个各');

/** Modal verbs: never in a place's or a person's name, though an organisation may do them (能源, 会计). */
export const MODAL = new Set('能会要可应');

/**
 * First characters of verbs and quantities that stand before a unit or place
 * in running text (推动园区, 促进园区, 联系社区, 一些村): a name does not start with them.
 */
export const NOT_NAME_START = new Set('推促抓服制带保管建加提做优深发支打围融聚引助振护回走进来去入出开召参组坚落完实强增改整创扩拓防治解化帮扶关包驻下上多少几两三四五六七八九十一二联辖居各全本我该每这那此其有');

/** Characters of verbs that a phrase before 社区 or 村 has and a proper name rarely does (广泛听取社区, 培育社区). */
export const NOT_IN_NAME = new Set('听取培育泛推促抓服制带管加提做优深发支打围聚引助护回走进入出开召参组落完增改整创扩拓防治解帮扶包驻联辖扣贯彻配协持');

/** Descriptors that make a generic phrase, not a name: 农村社区, 基层单位, 重点片区. */
export const GENERIC_DESCRIPTORS = new Set(['农村', '城市', '城镇', '城乡', '基层', '乡村', '偏远', '贫困', '重点', '周边', '相关', '有关', '其他', '所有', '部分', '全体', '本地', '当地', '外地', '老旧', '新建', '居民', '辖区', '试点', '示范', '先进', '落后', '红色', '教育']);

/** Titles a position ends with, longest first. 成员 and 委员 need a body in front (党组成员, 组织委员). */
export const TITLES = [
  '主任科员', '董事长', '总经理', '秘书长', '调研员', '副书记', '书记', '局长', '县长', '市长', '区长', '镇长', '乡长',
  '村长', '省长', '厅长', '处长', '科长', '股长', '部长', '司长', '院长', '校长', '所长', '站长', '馆长', '队长',
  '组长', '社长', '行长', '主任', '主席', '会长', '经理', '董事', '监事', '总监', '专员', '科员', '干事', '支书', '常委',
  '委员', '成员',
];
export const WEAK_TITLES = new Set(['委员', '成员']);
export const TITLE_ALT = TITLES.join('|');
/** A position: titles, each with the body it belongs to, joined by 、 (党组成员、副局长; 组织委员、初二年级组长). */
export const POSITION_RE = new RegExp(`^(?:[${HAN}${MARK}]{0,10}?(?:${TITLE_ALT}))(?:、(?:[${HAN}${MARK}]{0,10}?(?:${TITLE_ALT})))*`);

/** Digits, and the X of model texts that leave the year or the day to fill (20XX年度, X月X日). */
export const DIGIT = '[0-9０-９XＸx]';
export const CN_DIGIT = '[〇零○Ｏ一二三四五六七八九]';
export const CN_NUMBER = '[一二三四五六七八九十]{1,3}';
export const YEAR = `(?:19|20|１９|２０)${DIGIT}{2}\\s*年`;
export const MONTH_DAY = `${DIGIT}{1,2}\\s*月(?:\\s*${DIGIT}{1,2}\\s*[日号])?`;

export const MAX_NAME = 24;
