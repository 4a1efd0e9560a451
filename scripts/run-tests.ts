/**
 * npm test: every layer of tests, in the order a failure is cheapest to find —
 * type check, unit tests, builds for both browsers and their store packages,
 * web-ext lint, then end-to-end tests in Debian Chromium and Firefox ESR.
 * The last line totals them all as "N passed, N failed[, N skipped]".
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
const reports = mkdtempSync(join(tmpdir(), 'bixia-tests-'));

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function heading(title: string) {
  process.stdout.write(`\n━━ ${title} ━━\n`);
}

/** A step that counts as one check: it passes or fails as a whole. */
function check(title: string, command: string, args: string[]): boolean {
  heading(title);
  const ok = run(command, args);
  if (ok) total.passed++;
  else total.failed++;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${title}`);
  return ok;
}

/** A Vitest run whose tests count one by one, read from its JSON report. */
function vitest(title: string, args: string[]): void {
  heading(title);
  const output = join(reports, `${title.replace(/\W+/g, '-')}.json`);
  const ok = run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${output}`]);
  let tally: Tally;
  try {
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTests: number;
    };
    tally = {
      passed: report.numPassedTests,
      failed: report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1),
      skipped: report.numPendingTests + report.numTodoTests,
    };
    if (report.numTotalTests === 0) tally.failed++;
  } catch {
    tally = { passed: 0, failed: 1, skipped: 0 };
  }
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  summary.push(`${tally.failed ? 'FAIL' : 'ok  '} ${title}: ${tally.passed} passed, ${tally.failed} failed`);
}

function lintFirefox(): void {
  heading('web-ext lint (Firefox build)');
  const result = spawnSync('npx', ['web-ext', 'lint', '-s', '.output/firefox-mv3', '--output', 'json', '--no-input'], {
    encoding: 'utf8',
  });
  let ok = false;
  try {
    const report = JSON.parse(result.stdout) as {
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; message: string; file?: string }[];
    };
    for (const kind of ['errors', 'warnings'] as const) {
      for (const item of report[kind]) process.stdout.write(`${kind}: ${item.code} ${item.message} (${item.file ?? ''})\n`);
    }
    ok = report.errors.length === 0;
    process.stdout.write(`${report.errors.length} errors, ${report.warnings.length} warnings\n`);
  } catch {
    process.stdout.write(result.stdout + result.stderr);
  }
  if (ok) total.passed++;
  else total.failed++;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} web-ext lint: no errors`);
}

check('type check', 'npx', ['tsc', '--noEmit', '-p', '.']);
vitest('unit tests', []);
const built =
  check('build for Chrome', 'npx', ['wxt', 'build']) && check('build for Firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
check('store package for Chrome (npm run zip)', 'npx', ['wxt', 'zip']);
check('store package for Firefox (npm run zip:firefox)', 'npx', ['wxt', 'zip', '-b', 'firefox']);
lintFirefox();
if (built) vitest('end-to-end tests (Chromium, Firefox ESR)', ['--config', 'vitest.e2e.config.ts']);
else {
  total.failed++;
  summary.push('FAIL end-to-end tests: not run, the build failed');
}

heading('summary');
process.stdout.write(`${summary.join('\n')}\n\n`);
const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
process.stdout.write(`${total.passed} passed, ${total.failed} failed${skipped}\n`);
process.exit(total.failed ? 1 : 0);
