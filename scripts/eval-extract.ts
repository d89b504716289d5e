/**
 * Evaluates the report extractor (src/lib/extract) on a folder of report texts.
 *
 *   npm run eval:extract -- DIR [--verbose]
 *
 * DIR holds *.txt reports and expected.json:
 *   { "files": { "NAME.txt": { "unitId", "period", "periodProposed"?, "asOf"?, "heldOn"?, "figures": [
 *       { "indicatorId", "value", "outOf"?, "period"?, "unitId"?, "qualifier"?, "basis"?, "scope"?, "asOf"? } ] } } }
 * A figure's period and unitId default to its file's. A candidate matches an expected figure when
 * indicator, value (within 0.5%, at least 0.01), outOf, period and unit agree; each figure matches
 * once. A candidate's period is its own, else its proposed one, else the report's (or the report's
 * proposed one). A report marked "periodProposed" (a month that ends no quarter) counts as read
 * right only when its period is proposed, not set: it must never be stored silently in a quarter.
 * Prints precision and recall per indicator, overall and for the six indicators of the dashboard's
 * panels, and how often the other fields agree.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import indicators from '../data/indicators.json';
import { registerUnits } from '../data';
import { z } from 'zod/mini';
import { Indicator } from '../src/api/contract';
import { extractCandidates, type Candidate } from '../src/lib/extract';

interface ExpectedFigure {
  indicatorId: string;
  value: number;
  outOf?: number;
  period?: string;
  unitId?: string;
  qualifier?: string;
  basis?: string;
  scope?: string;
  asOf?: string;
}
interface ExpectedFile {
  unitId?: string;
  period?: string;
  periodProposed?: boolean;
  asOf?: string;
  heldOn?: string;
  figures: ExpectedFigure[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: npm run eval:extract -- DIR [--verbose]');
  process.exit(2);
}

const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { files: Record<string, ExpectedFile> };
const options = { units: registerUnits(), indicators: z.array(Indicator).parse(indicators) };

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.01, Math.abs(b) * 0.005);
const counts = new Map<string, { tp: number; fp: number; fn: number }>();
const bump = (id: string, k: 'tp' | 'fp' | 'fn') => {
  const c = counts.get(id) ?? { tp: 0, fp: 0, fn: 0 };
  c[k]++;
  counts.set(id, c);
};
const fields = { outOf: [0, 0], qualifier: [0, 0], basis: [0, 0], scope: [0, 0], asOf: [0, 0] } as Record<string, [number, number]>;
const docs = { unitId: [0, 0], period: [0, 0], heldOn: [0, 0], asOf: [0, 0] } as Record<string, [number, number]>;
/** The indicators of the dashboard's four panels: the measure on unseen reports counts these. */
const PANEL = new Set(['budget_revenue', 'budget_revenue_pct', 'poor_households_reduced', 'near_poor_households_reduced', 'health_insurance_coverage', 'resolution_targets_met']);
/** Fields a result or candidate may have beyond the ones every version of the extractor had. */
interface Proposed {
  periodProposed?: string;
  asOf?: string;
  unitId?: string;
}

const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
for (const file of files) {
  const want = expected.files[file];
  if (!want) {
    console.warn(`${file}: not in expected.json, skipped`);
    continue;
  }
  const result = extractCandidates(readFileSync(join(dir, file), 'utf8'), options);
  const extra = result as typeof result & Proposed;
  const got: Record<string, string | undefined> = {
    unitId: result.unitId,
    period: want.periodProposed ? (result.period === undefined ? extra.periodProposed : `${result.period} (not proposed)`) : result.period,
    heldOn: result.heldOn,
    asOf: extra.asOf,
  };
  for (const k of Object.keys(docs)) {
    const w = want[k as keyof ExpectedFile];
    if (w === undefined) continue;
    docs[k]![1]++;
    if (got[k] === w) docs[k]![0]++;
    else if (verbose) console.log(`${file}: ${k} ${got[k]} ≠ expected ${String(w)}`);
  }
  const open = want.figures.map((f) => ({ ...f, period: f.period ?? want.period, unitId: f.unitId ?? want.unitId }));
  const used = new Set<number>();
  for (const cand of result.candidates) {
    const c = cand as Candidate & Proposed;
    const period = c.period ?? c.periodProposed ?? result.period ?? extra.periodProposed;
    const unitId = c.unitId ?? result.unitId;
    const i = open.findIndex(
      (f, k) =>
        !used.has(k) &&
        f.indicatorId === c.indicatorId &&
        close(c.value, f.value) &&
        f.outOf === c.outOf &&
        f.period === period &&
        f.unitId === unitId,
    );
    if (i < 0) {
      bump(c.indicatorId, 'fp');
      if (verbose) console.log(`${file}: FP ${describe(c, period)}${c.unitId ? ` ${c.unitId}` : ''}  «${c.phrase}»`);
      continue;
    }
    used.add(i);
    bump(c.indicatorId, 'tp');
    const f = open[i]!;
    for (const k of Object.keys(fields)) {
      const want = f[k as keyof ExpectedFigure];
      const got = k === 'qualifier' ? c.qualifier : c[k as keyof Candidate];
      if (want === undefined && got === undefined) continue;
      if (k === 'qualifier' && want === undefined) continue;
      fields[k]![1]++;
      if (want === got) fields[k]![0]++;
      else if (verbose) console.log(`${file}: ${c.indicatorId} ${k} ${String(got)} ≠ expected ${String(want)}`);
    }
  }
  open.forEach((f, k) => {
    if (used.has(k)) return;
    bump(f.indicatorId, 'fn');
    if (verbose) console.log(`${file}: FN ${f.indicatorId} ${f.value}${f.outOf ? `/${f.outOf}` : ''} ${f.period} ${f.unitId}`);
  });
}

function describe(c: Candidate, period: string | undefined) {
  return `${c.indicatorId} ${c.value}${c.outOf ? `/${c.outOf}` : ''} ${period}`;
}

const ratio = (a: number, b: number) => (b === 0 ? '   -  ' : (a / b).toFixed(3).padStart(6));
const total = { tp: 0, fp: 0, fn: 0 };
const panel = { tp: 0, fp: 0, fn: 0 };
console.log(`\n${dir}: ${files.length} reports\n`);
console.log(`${'indicator'.padEnd(34)} ${'TP'.padStart(3)} ${'FP'.padStart(3)} ${'FN'.padStart(3)}  precision  recall`);
for (const [id, c] of [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
  total.tp += c.tp;
  total.fp += c.fp;
  total.fn += c.fn;
  if (PANEL.has(id)) {
    panel.tp += c.tp;
    panel.fp += c.fp;
    panel.fn += c.fn;
  }
  console.log(`${id.padEnd(34)} ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}     ${ratio(c.tp, c.tp + c.fp)}  ${ratio(c.tp, c.tp + c.fn)}`);
}
console.log(`${'OVERALL'.padEnd(34)} ${String(total.tp).padStart(3)} ${String(total.fp).padStart(3)} ${String(total.fn).padStart(3)}     ${ratio(total.tp, total.tp + total.fp)}  ${ratio(total.tp, total.tp + total.fn)}`);
console.log(`${'PANELS (six indicators)'.padEnd(34)} ${String(panel.tp).padStart(3)} ${String(panel.fp).padStart(3)} ${String(panel.fn).padStart(3)}     ${ratio(panel.tp, panel.tp + panel.fp)}  ${ratio(panel.tp, panel.tp + panel.fn)}`);
console.log('\nfields of matched figures (agree / compared):');
for (const [k, [a, b]] of Object.entries(fields)) console.log(`  ${k.padEnd(10)} ${a}/${b}`);
console.log('report facts (right / expected):');
for (const [k, [a, b]] of Object.entries(docs)) console.log(`  ${k.padEnd(10)} ${a}/${b}`);
console.log(`\nprecision=${ratio(total.tp, total.tp + total.fp).trim()} recall=${ratio(total.tp, total.tp + total.fn).trim()}`);
console.log(`panels: precision=${ratio(panel.tp, panel.tp + panel.fp).trim()} recall=${ratio(panel.tp, panel.tp + panel.fn).trim()}`);
