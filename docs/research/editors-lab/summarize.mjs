// node summarize.mjs results/a.json results/b.json ... -> markdown matrix (editor × mechanism) per browser and world
import { readFileSync } from 'node:fs';
const EXACT = ['开头文字。第一段。', '第二段。', '第三段。结尾文字。'];
const SPLIT = ['开头文字。', '第一段。', '第二段。', '第三段。', '结尾文字。'];
const INIT = ['开头文字。结尾文字。'];
const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
export function code(r) {
  if (r.skip) return '–';
  if (r.error) return 'ERR';
  if (!r.after) return '?';
  const changed = !eq(r.after, INIT);
  if (!changed) return r.domMatches === false ? '✗☠' : '✗';   // ☠: DOM changed, model did not
  if (!r.works) return '☠';                                    // model changed but text lost/garbled
  let p = eq(r.after, EXACT) ? '✔' : eq(r.after, SPLIT) ? '✔s' : r.after.length === 1 ? (/[⏎\n]/.test(r.after[0]) ? '⏎' : '1') : '≠';
  const u = eq(r.undone, INIT) ? '' : ' u✗';
  return p + u + (r.domMatches === false ? ' ☠' : '');
}
const rows = new Map();
const cols = new Set();
for (const f of process.argv.slice(2)) {
  const { browser, results } = JSON.parse(readFileSync(f, 'utf8'));
  const b = browser.startsWith('firefox') ? 'FF' : 'Cr';
  for (const r of results) {
    const col = `${r.mech}${r.world === 'isolated' ? '/iso' : ''}`;
    cols.add(col);
    const key = `${r.editor} ${b}`;
    if (!rows.has(key)) rows.set(key, {});
    rows.get(key)[col] = code(r);
  }
}
const colList = [...cols];
console.log(`| editor | br | ${colList.join(' | ')} |`);
console.log(`|---|---|${colList.map(() => '---').join('|')}|`);
for (const [key, v] of [...rows].sort()) {
  const [ed, b] = key.split(' ');
  console.log(`| ${ed} | ${b} | ${colList.map((c) => v[c] ?? '').join(' | ')} |`);
}
