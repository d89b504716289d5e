/**
 * Lighthouse 12.2.3 on the dashboard (issue 17): the production build (dist/) served by the real
 * server with a fresh database, `/?unit=my-thoi&period=2024-Q4`, in Debian's Chromium, in two
 * profiles: "mobile" (Lighthouse's default: an emulated mid-range phone on simulated slow 4G)
 * and "desktop" (its desktop config). Each figure is the median of LH_RUNS runs per profile
 * (default 3), the profiles interleaved, each run in a new Chromium with an empty profile.
 * A benchmark, not a test: nothing under vitest calls it. Each profile keeps its own emulated
 * screen, and nothing scrolls: the page draws the trend charts near that screen only (issue 17),
 * as it would for a person who has just opened the link.
 *
 *   npm run bench:lighthouse          (the two profiles only; LH_RUNS=5 for more runs)
 *   npm run bench                     (also runs it after its own figures; LH_RUNS=0 skips it)
 *   LH_DIST=/tmp/my-dist npm run bench:lighthouse   (a build of one's own, made beforehand with
 *                                     `vite build --outDir /tmp/my-dist`; dist/ is then left alone)
 *
 * The reports of the last run are kept in test-results/lighthouse/: PROFILE-N.report.json and
 * PROFILE-N.report.html (open it in a browser), and summary.json with the medians.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, ensureBuilt, startServer } from '../e2e/harness';
import { median } from './stats';

export const LIGHTHOUSE_PAGE = '/?unit=my-thoi&period=2024-Q4';
export const LIGHTHOUSE_DIR = join(ROOT, 'test-results/lighthouse');
/** Runs per profile; 0 (only meant for `npm run bench`) skips Lighthouse. */
export const LH_RUNS = Math.max(0, Number(process.env.LH_RUNS ?? 3));

export type Profile = 'mobile' | 'desktop';
const PROFILES: { name: Profile; config?: Config }[] = [{ name: 'mobile' }, { name: 'desktop', config: desktopConfig }];

/** DESIGN.md's Chromium flags (chrome-launcher adds its own defaults), headless. */
const CHROME_FLAGS = [...new Set(['--headless=new', ...CHROMIUM_ARGS])];

/** The figures of one run: scores 0..100, times in ms, CLS unitless. */
export interface Figures {
  performance: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  tti?: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

/** A performance audit that did not pass, with what Lighthouse estimates it costs. */
export interface Finding {
  id: string;
  title: string;
  displayValue?: string;
  /** Estimated savings in ms (opportunities) or the audit's own time (diagnostics). */
  ms?: number;
  bytes?: number;
  /** Metric savings Lighthouse attaches (LCP, FCP, TBT, CLS). */
  metricSavings?: Record<string, number>;
  /** The first page element the audit names (e.g. the LCP element), as an HTML snippet. */
  node?: string;
}

export interface ProfileResult {
  profile: Profile;
  runs: Figures[];
  median: Figures;
  /** The failing performance audits of the run whose performance score is the median. */
  findings: Finding[];
  /** Audits of that run that Lighthouse could not compute: id and message. */
  errors: { id: string; message: string }[];
  /** The audits of that run that cost accessibility, best practices or SEO points. */
  failed: { category: string; id: string; title: string }[];
}

export interface LighthouseSummary {
  chromium: string;
  lighthouse: string;
  url: string;
  runs: number;
  profiles: ProfileResult[];
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? Number.NaN) * 100);
const numeric = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue;

function figuresOf(lhr: Result): Figures {
  const need = (audit: string) => {
    const value = numeric(lhr, audit);
    if (value === undefined) throw new Error(`Lighthouse reported no ${audit} (${lhr.audits[audit]?.errorMessage ?? 'missing'})`);
    return value;
  };
  return {
    performance: score(lhr, 'performance'),
    fcp: need('first-contentful-paint'),
    lcp: need('largest-contentful-paint'),
    tbt: need('total-blocking-time'),
    cls: need('cumulative-layout-shift'),
    speedIndex: need('speed-index'),
    tti: numeric(lhr, 'interactive'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
  };
}

function medianFigures(runs: Figures[]): Figures {
  const m = (pick: (f: Figures) => number | undefined) => median(runs.map(pick).filter((v): v is number => v !== undefined));
  const tti = m((f) => f.tti);
  return {
    performance: m((f) => f.performance),
    fcp: m((f) => f.fcp),
    lcp: m((f) => f.lcp),
    tbt: m((f) => f.tbt),
    cls: m((f) => f.cls),
    speedIndex: m((f) => f.speedIndex),
    tti: Number.isNaN(tti) ? undefined : tti,
    accessibility: m((f) => f.accessibility),
    bestPractices: m((f) => f.bestPractices),
    seo: m((f) => f.seo),
  };
}

/** The snippet of the first `{ type: 'node' }` item anywhere in an audit's details. */
function firstNode(value: unknown, depth = 0): string | undefined {
  if (!value || typeof value !== 'object' || depth > 6) return undefined;
  const v = value as { type?: unknown; snippet?: unknown };
  if (v.type === 'node' && typeof v.snippet === 'string') return v.snippet;
  for (const child of Object.values(value)) {
    const found = firstNode(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The performance category's audits that are not metrics and did not pass (score below 0.9),
 * biggest first: by estimated time saved (opportunities) or time taken (diagnostics such as
 * bootup-time), then by bytes.
 */
export function findingsOf(lhr: Result): Finding[] {
  const refs = lhr.categories.performance?.auditRefs ?? [];
  const findings: Finding[] = [];
  for (const ref of refs) {
    if (ref.group === 'metrics' || ref.group === 'hidden') continue;
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 0.9) continue;
    const details = audit.details as { type?: string; overallSavingsMs?: number; overallSavingsBytes?: number } | undefined;
    const isOpportunity = details?.type === 'opportunity';
    findings.push({
      id: audit.id,
      title: audit.title,
      displayValue: audit.displayValue,
      ms: isOpportunity ? details?.overallSavingsMs : audit.numericUnit === 'millisecond' ? audit.numericValue : undefined,
      bytes: isOpportunity ? details?.overallSavingsBytes : audit.numericUnit === 'byte' ? audit.numericValue : undefined,
      metricSavings: audit.metricSavings && Object.keys(audit.metricSavings).length ? (audit.metricSavings as Record<string, number>) : undefined,
      node: firstNode(audit.details),
    });
  }
  const weight = (f: Finding) => Math.max(f.ms ?? 0, ...Object.values(f.metricSavings ?? {}).filter((v) => v > 1));
  return findings.sort((a, b) => weight(b) - weight(a) || (b.bytes ?? 0) - (a.bytes ?? 0));
}

const SCORED_CATEGORIES = ['accessibility', 'best-practices', 'seo'];

/** The weighted audits of the other categories that did not pass (e.g. SEO's is-crawlable for a page kept out of search engines). */
function failedOf(lhr: Result): { category: string; id: string; title: string }[] {
  return SCORED_CATEGORIES.flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ({ category, id: ref.id, title: lhr.audits[ref.id]!.title })),
  );
}

/** Audits Lighthouse could not compute (with this Chromium, 12.2.3's trace engine fails on some). */
function errorsOf(lhr: Result): { id: string; message: string }[] {
  return Object.values(lhr.audits)
    .filter((a) => a.scoreDisplayMode === 'error')
    .map((a) => ({ id: a.id, message: a.errorMessage ?? '' }));
}

/** The browser's own version string ("Chrome/156.0.8078.114"); the page sees a reduced one. */
async function browserVersion(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/json/version`);
  return ((await res.json()) as { Browser: string }).Browser;
}

/** A run Lighthouse itself gave up on (NO_NAVSTART and the like: "Please run Lighthouse again"). */
class RunFailed extends Error {
  override name = 'LighthouseRunFailed';
}
const ATTEMPTS = 3;

/** One Lighthouse run in a new headless Chromium; writes its JSON and HTML reports. */
async function runOnce(url: string, profile: (typeof PROFILES)[number], index: number): Promise<{ lhr: Result; browser: string }> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const browser = await browserVersion(chrome.port);
    const flags: Flags = { port: chrome.port, output: ['json', 'html'], logLevel: 'error' };
    const result = await lighthouse(url, flags, profile.config);
    if (!result) throw new Error('Lighthouse returned no result');
    if (result.lhr.runtimeError) throw new RunFailed(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
    const [json, html] = result.report as string[];
    const base = join(LIGHTHOUSE_DIR, `${profile.name}-${index + 1}.report`);
    writeFileSync(`${base}.json`, json!);
    writeFileSync(`${base}.html`, html!);
    return { lhr: result.lhr, browser };
  } finally {
    chrome.kill();
  }
}

/** runOnce, again (up to ATTEMPTS in all) when Lighthouse reports a failed recording. */
async function runWithRetries(url: string, profile: (typeof PROFILES)[number], index: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(url, profile, index);
    } catch (err) {
      if (!(err instanceof RunFailed) || attempt >= ATTEMPTS) throw err;
      process.stderr.write(`lighthouse: ${profile.name} run ${index + 1} failed (${err.message.split(':')[0]}), trying again…\n`);
    }
  }
}

/** Clears test-results/lighthouse/ of an earlier run's reports. */
function freshReportDir() {
  mkdirSync(LIGHTHOUSE_DIR, { recursive: true });
  for (const name of readdirSync(LIGHTHOUSE_DIR)) if (/\.report\.(json|html)$|^summary\.json$/.test(name)) rmSync(join(LIGHTHOUSE_DIR, name));
}

/** LH_RUNS runs of each profile against `origin` (a running real server), interleaved. */
export async function runLighthouse(origin: string, runs = Math.max(1, LH_RUNS)): Promise<LighthouseSummary> {
  const url = `${origin}${LIGHTHOUSE_PAGE}`;
  freshReportDir();
  const lhrs = new Map<Profile, Result[]>(PROFILES.map((p) => [p.name, []]));
  let browser = '';
  for (let i = 0; i < runs; i++) {
    for (const profile of PROFILES) {
      process.stderr.write(`lighthouse: ${profile.name} run ${i + 1} of ${runs}…\n`);
      const run = await runWithRetries(url, profile, i);
      lhrs.get(profile.name)!.push(run.lhr);
      browser = run.browser;
    }
  }
  const summary: LighthouseSummary = {
    chromium: browser,
    lighthouse: lhrs.get('mobile')![0]!.lighthouseVersion,
    url,
    runs,
    profiles: PROFILES.map(({ name }) => {
      const results = lhrs.get(name)!;
      const figures = results.map(figuresOf);
      const med = medianFigures(figures);
      // the run whose performance score is nearest the median stands for the profile's audits
      const typical = results[figures.reduce((best, f, i) => (Math.abs(f.performance - med.performance) < Math.abs(figures[best]!.performance - med.performance) ? i : best), 0)]!;
      return { profile: name, runs: figures, median: med, findings: findingsOf(typical), errors: errorsOf(typical), failed: failedOf(typical) };
    }),
  };
  writeFileSync(join(LIGHTHOUSE_DIR, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/* ---- printing ---- */

interface LhRow {
  figure: string;
  pick: (f: Figures) => number | undefined;
  format: (v: number) => string;
  /** Issue 17's target, per profile (a profile without one shows '–'). */
  target?: Partial<Record<Profile, { text: string; met: (v: number) => boolean }>>;
}

const pts = (v: number) => v.toFixed(0);
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const atLeast = (n: number) => ({ text: `≥ ${n}`, met: (v: number) => v >= n });
const atMost = (n: number, text: string) => ({ text, met: (v: number) => v <= n });
const both = <T>(t: T) => ({ mobile: t, desktop: t });

const ROWS: LhRow[] = [
  { figure: 'performance score', pick: (f) => f.performance, format: pts, target: { mobile: atLeast(95) } },
  { figure: 'first contentful paint', pick: (f) => f.fcp, format: ms },
  { figure: 'largest contentful paint', pick: (f) => f.lcp, format: ms, target: { mobile: atMost(1500, '≤ 1.5 s') } },
  { figure: 'total blocking time', pick: (f) => f.tbt, format: ms, target: { mobile: atMost(150, '≤ 150 ms') } },
  { figure: 'cumulative layout shift', pick: (f) => f.cls, format: (v) => v.toFixed(3), target: both(atMost(0.02, '≤ 0.02')) },
  { figure: 'speed index', pick: (f) => f.speedIndex, format: ms },
  { figure: 'time to interactive', pick: (f) => f.tti, format: ms },
  { figure: 'accessibility score', pick: (f) => f.accessibility, format: pts, target: both(atLeast(100)) },
  { figure: 'best-practices score', pick: (f) => f.bestPractices, format: pts, target: both(atLeast(100)) },
  { figure: 'SEO score', pick: (f) => f.seo, format: pts, target: both(atLeast(100)) },
];

function cellsOf(row: LhRow, result: ProfileResult): string[] {
  const v = row.pick(result.median);
  const target = row.target?.[result.profile];
  if (v === undefined || Number.isNaN(v)) return ['–', target?.text ?? '–', '–'];
  return [row.format(v), target?.text ?? '–', target ? (target.met(v) ? 'yes' : 'NO') : '–'];
}

/** The Lighthouse section of the benchmark's output: one row per figure, a column group per profile. */
export function lighthouseLines(summary: LighthouseSummary, top = 5): string[] {
  const header = ['Lighthouse figure', ...summary.profiles.flatMap((p) => [p.profile, 'target', 'met?'])];
  const table = [header, ...ROWS.map((row) => [row.figure, ...summary.profiles.flatMap((p) => cellsOf(row, p))])];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const lines = [
    `Lighthouse ${summary.lighthouse}, ${summary.chromium}, ${summary.url}, median of ${summary.runs} runs per profile`,
    line(table[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.slice(1).map(line),
  ];
  for (const p of summary.profiles) {
    lines.push(`${p.profile}: performance scores of the runs ${p.runs.map((f) => f.performance).join(', ')}; top findings of the median run:`);
    for (const f of p.findings.slice(0, top)) {
      const savings = Object.entries(f.metricSavings ?? {})
        .filter(([, v]) => v > 0)
        .map(([k, v]) => `${k} ${k === 'CLS' ? v.toFixed(3) : ms(v)}`);
      const amount = [f.displayValue, savings.length ? `saves ${savings.join(', ')}` : undefined].filter(Boolean).join('; ');
      lines.push(`  - ${f.id}: ${f.title}${amount ? ` (${amount})` : ''}${f.node ? `: ${f.node.slice(0, 100)}` : ''}`);
    }
    if (p.findings.length === 0) lines.push('  (none)');
    for (const f of p.failed) lines.push(`  ${f.category}: ${f.id}: ${f.title}`);
    if (p.errors.length) lines.push(`  could not compute: ${p.errors.map((e) => e.id).join(', ')} (${[...new Set(p.errors.map((e) => e.message))][0]})`);
  }
  lines.push(`reports: ${LIGHTHOUSE_DIR}/{mobile,desktop}-N.report.{json,html}`);
  return lines;
}

/* ---- npm run bench:lighthouse ---- */

async function main() {
  const started = Date.now();
  const dist = process.env.LH_DIST;
  process.stderr.write(`lighthouse: ${dist ? `serving ${dist}` : 'building dist/ (if stale)'} and starting the real server…\n`);
  if (!dist) await ensureBuilt();
  const server = await startServer(dist ? { DIST_DIR: dist } : {});
  try {
    const summary = await runLighthouse(server.url);
    console.log(lighthouseLines(summary).join('\n'));
    console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
