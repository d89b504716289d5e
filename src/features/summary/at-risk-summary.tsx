/**
 * The page's first line: what is at risk, for the units shown and the period, in words, each
 * count a link to the first figure it counts (the tiles carry the anchors), the figures at risk
 * or behind listed. Many units: a line per family, how many units are at risk. It reads the
 * panels' own queries (handed by the app), so it fetches nothing the panels do not.
 */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, type MouseEvent } from 'react';
import type { Family, Observation, Unit } from '../../api/contract';
import { queries } from '../../api/queries';
import { useSameData } from '../../components/use-same-data';
import { periodLabel } from '../../lib/period-names';
import { ATTAINMENT_WORDS } from '../../lib/vocabulary';
import { buildSummary, familyParts, figureParts, type LinePart, type SummaryFamily } from './summary-model';
import './summary.css';

export interface AtRiskSummaryProps {
  families: readonly SummaryFamily[];
  /** The units shown (a province or district chosen: its communes); undefined until the register is known. */
  view: readonly string[] | undefined;
  period: string;
  /** Many units compared: counted by unit, per family. */
  byUnit: boolean;
  /** The query of a family's figures, as its panel makes it (the same key: nothing is fetched twice). */
  figuresOf: (family: Family) => ReturnType<typeof queries.observations>;
}

/**
 * To the tile, without touching the URL (the filters own it): scrolled to and focused; where the
 * tile is not drawn (a panel still loading), to its panel.
 */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, anchor: string, slug?: string): void {
  event.preventDefault();
  const tile = document.getElementById(anchor);
  if (tile) {
    tile.scrollIntoView?.({ block: 'center' });
    tile.focus({ preventScroll: true });
  } else if (slug) {
    document.querySelector(`[data-panel="${slug}"]`)?.scrollIntoView?.({ block: 'start' });
  }
}

function Part({ part }: { part: LinePart }) {
  const className = `at-risk-count at-risk-${part.key}`;
  const anchor = part.anchor;
  return anchor ? (
    <a className={className} href={`#${anchor}`} onClick={(e) => jumpTo(e, anchor)}>
      {part.text}
    </a>
  ) : (
    <span className={className}>{part.text}</span>
  );
}

function Parts({ parts }: { parts: LinePart[] }) {
  return parts.map((p, i) => (
    <span key={p.key}>
      {i > 0 && ', '}
      <Part part={p} />
    </span>
  ));
}

export function AtRiskSummary({ families, view, period, byUnit, figuresOf }: AtRiskSummaryProps) {
  const units = useQuery(queries.units());
  const indicators = useQuery(queries.indicators());
  const ask = Boolean(view && view.length > 0);
  // one query a family: the themed regions of family 'other' share theirs
  const asked = useMemo(() => [...new Set(families.map((f) => f.family))], [families]);
  // made again only when the view changes, not at every render (the keys sort every unit's id)
  const queryList = useMemo(
    () =>
      // not before the panels ask (no period yet while the latest one is sought)
      asked.map((family) => {
        const query = figuresOf(family);
        return { ...query, enabled: ask && (query.enabled ?? true), placeholderData: keepPreviousData };
      }),
    [asked, figuresOf, ask],
  );
  const figures = useQueries({ queries: queryList });
  // one array while the same answers stand
  const answers = useSameData(figures);
  const summary = useMemo(() => {
    if (!view || !units.data || !indicators.data || !answers.every(Boolean)) return undefined;
    const index = new Map(units.data.map((u) => [u.id, u]));
    const shown = view.map((id) => index.get(id)).filter((u): u is Unit => Boolean(u));
    const observations = new Map<Family, readonly Observation[]>(asked.map((family, i) => [family, answers[i]!]));
    return buildSummary({ families, units: shown, period, observations, indicators: indicators.data, byUnit });
  }, [units.data, indicators.data, answers, view, period, byUnit, families, asked]);

  if (!ask) return null;
  const when = periodLabel(period);
  let body;
  if (!summary) {
    const failed = [...figures, units, indicators].some((q) => q.isError && !q.data);
    body = <p className="at-risk-line at-risk-waiting">{failed ? `${when}: chưa tổng hợp được, vì một phần số liệu không tải được.` : `${when}: đang tổng hợp…`}</p>;
  } else if (summary.mode === 'units') {
    body = summary.families.length ? (
      <ul className="at-risk-families">
        {summary.families.map((f) => (
          <li key={f.slug}>
            <a href={`#${f.anchor}`} onClick={(e) => jumpTo(e, f.anchor, f.slug)}>
              {f.title}
            </a>
            {` · ${when}: `}
            <Parts parts={familyParts(f)} />
          </li>
        ))}
      </ul>
    ) : (
      <p className="at-risk-line">{when}: chưa có chỉ tiêu nào có mục tiêu hoặc tiến độ để đánh giá.</p>
    );
  } else {
    const parts = figureParts(summary);
    const concerned = summary.items.filter((i) => i.status === 'behind' || i.status === 'at_risk');
    const named = (view?.length ?? 0) > 1;
    body = (
      <>
        <p className="at-risk-line">
          <strong>{when}:</strong> {parts.length ? <Parts parts={parts} /> : 'chưa có số liệu nào có mục tiêu hoặc tiến độ để đánh giá.'}
        </p>
        {concerned.length > 0 && (
          <ul className="at-risk-list" aria-label="Chỉ tiêu cần chú ý">
            {concerned.map((i) => (
              <li key={i.anchor}>
                <a href={`#${i.anchor}`} onClick={(e) => jumpTo(e, i.anchor)}>
                  {i.indicator}
                  {named && ` – ${i.unitName}`}
                </a>
                : <b className={`at-risk-word at-risk-${i.status}`}>{ATTAINMENT_WORDS[i.status]}</b>. {i.reason}.
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  const risky = summary?.mode === 'figures' ? summary.counts.behind + summary.counts.at_risk > 0 : summary?.families.some((f) => f.counts.behind + f.counts.at_risk > 0);
  return (
    <section className={`at-risk-summary${risky ? ' at-risk-some' : ''}`} aria-label="Tóm tắt: chỉ tiêu cần chú ý">
      {body}
    </section>
  );
}
