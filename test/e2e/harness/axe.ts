/**
 * axe-core in an extension page, the same way in both browsers: the library's
 * text is evaluated in the page (a <script> tag, inline or by URL outside the
 * extension, is refused by the extension pages' CSP `script-src 'self'`; an
 * evaluation from the driver is not a page script and passes).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type AnyPage, evaluate } from './driver';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a test; "minor" ones are reported by axe but are not the bar. */
export const FAILING_IMPACTS = ['critical', 'serious', 'moderate'];

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** axe's own explanation of the first failing node (which check failed, and why). */
  summary: string;
}

/** Runs axe on the whole document and returns its violations at a failing impact. */
export async function axeViolations(page: AnyPage): Promise<AxeViolation[]> {
  await evaluate(
    page,
    (source) => {
      if ((window as unknown as { axe?: unknown }).axe) return;
      // Indirect eval: the library defines window.axe from the global scope, as a script would.
      (0, eval)(source);
    },
    AXE_SOURCE,
  );
  return evaluate(
    page,
    async (impacts) => {
      type Node = { target: unknown[]; failureSummary?: string };
      type Result = { id: string; impact: string | null; help: string; nodes: Node[] };
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Result[] }> } }).axe;
      const { violations } = await axe.run(document, {
        resultTypes: ['violations'],
        // Experimental, hence off by default: a control whose name leaves out the text it shows (WCAG 2.5.3).
        rules: { 'label-content-name-mismatch': { enabled: true } },
      });
      return violations
        .filter((v) => impacts.includes(v.impact ?? ''))
        .map((v) => ({
          id: v.id,
          impact: v.impact ?? '',
          help: v.help,
          targets: v.nodes.map((n) => n.target.map(String).join(' >>> ')),
          summary: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        }));
    },
    FAILING_IMPACTS,
  );
}

/** One line per violation, with where it is, so a failed run says what to fix. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const shown = v.targets.slice(0, 5).join(', ') + (v.targets.length > 5 ? `, … (${v.targets.length} in all)` : '');
      return `${v.id} (${v.impact}): ${v.help} — ${shown} — ${v.summary}`;
    })
    .join('\n');
}
