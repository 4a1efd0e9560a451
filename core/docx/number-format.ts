/** Word's list number formats (w:numFmt): how a counter value is written in a list number. */

const CN_DIGITS = '〇一二三四五六七八九';
const CN_UNITS = ['', '十', '百', '千'];
const LEGAL_SIMPLIFIED_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const LEGAL_SIMPLIFIED_UNITS = ['', '拾', '佰', '仟'];
const LEGAL_TRADITIONAL_DIGITS = '零壹貳參肆伍陸柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/**
 * A list number in one of Word's formats (w:numFmt), e.g. 11 in
 * chineseCounting is 十一 and 3 in decimalEnclosedCircle is ③. Formats this
 * does not know are shown as decimals.
 */
export function formatListNumber(value: number, format: string): string {
  const n = Math.trunc(value);
  switch (format) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3280, 10);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'ordinal':
      return ordinal(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n, CN_DIGITS, CN_UNITS, true);
    case 'chineseLegalSimplified':
      return chineseNumber(n, LEGAL_SIMPLIFIED_DIGITS, LEGAL_SIMPLIFIED_UNITS, false);
    case 'ideographLegalTraditional':
      return chineseNumber(n, LEGAL_TRADITIONAL_DIGITS, LEGAL_SIMPLIFIED_UNITS, false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return n >= 0 ? String(n).replace(/[0-9]/g, (d) => CN_DIGITS[Number(d)]!) : String(n);
    case 'ideographTraditional':
      return cyclic(n, HEAVENLY_STEMS);
    case 'ideographZodiac':
      return cyclic(n, EARTHLY_BRANCHES);
    default:
      return String(n);
  }
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCharCode(first + n - 1) : String(n);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** Word's letters: A…Z, then AA…ZZ, then AAA… */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(0x41 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function ordinal(n: number): string {
  const tens = Math.abs(n) % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][Math.abs(n) % 10] ?? 'th');
  return `${n}${suffix}`;
}

function cyclic(n: number, symbols: string): string {
  return n >= 1 ? symbols[(n - 1) % symbols.length]! : String(n);
}

/**
 * Chinese numerals below 10000: 11 → 十一, 20 → 二十, 105 → 一百零五. With
 * `dropLeadingOne`, 10–19 are written 十, 十一… as Word's counting formats do
 * (legal formats keep 壹拾).
 */
function chineseNumber(n: number, digits: string, units: string[], dropLeadingOne: boolean): string {
  if (n === 0) return digits[0]!;
  if (n < 0 || n >= 10000) return String(n);
  const zero = '零';
  let out = '';
  let pendingZero = false;
  const places = String(n).split('').map(Number);
  places.forEach((digit, index) => {
    const unit = units[places.length - 1 - index]!;
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    out += digits[digit]! + unit;
  });
  if (dropLeadingOne && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

