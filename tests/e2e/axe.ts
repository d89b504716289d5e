/**
 * axe-core in the page (its script injected through the DevTools protocol: the page's CSP stays
 * as it is; @axe-core/playwright needs Node 22, see DESIGN.md's pitfalls): the serious and
 * critical violations of WCAG 2.x A and AA and best practices, named so that a failure says what
 * to fix. `include`: audit only what this selector matches (e.g. the picker), else the document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeReport {
  /** "serious aria-required-children: … (selector; selector)" */
  serious: string[];
  /** How many rules passed (a page axe could not audit passes none). */
  passes: number;
}

export async function axeSerious(page: Page, include?: string): Promise<AxeReport> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      passes: unknown[];
    }
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run(include ? { include: [include] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return {
      passes: results.passes.length,
      serious: results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`),
    };
  }, include);
}
