import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SourceLine } from '../../lib/panel-export';
import { ReportText } from './report-text';
import './source-list.css';

/** Sources listed before the rest are folded into "và N nguồn khác". */
export const SOURCES_SHOWN = 5;

function SourceItem({ s }: { s: SourceLine }) {
  return (
    <li title={s.reference}>
      {s.title} ({s.date})
      {s.hasText && <ReportText id={s.id} title={s.title} />}
    </li>
  );
}

/** True while the page is being printed (between beforeprint and afterprint), committed before the print layout. */
function usePrinting(enabled: boolean): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [enabled]);
  return printing;
}

/**
 * Where the panel's figures came from: each report's title and date, and, for a report whose
 * text was kept, a disclosure to read it. The list of sources leaves the texts out (up to 200 kB
 * each): a text is fetched (GET /api/sources/:id) only once its disclosure is opened, and
 * rendered as a React text node in a pre-wrapped block, so markup in a report is shown as
 * written and never interpreted. On paper the disclosures are left out, texts included.
 *
 * Many wards compared bring hundreds of sources: the first few are listed, the rest sit in a
 * "và N nguồn khác" disclosure and are rendered only once it is opened (or while printing,
 * so paper still lists them all). Exports take the sources from the panel's model, not from here.
 */
export function SourceList({ sources }: { sources: SourceLine[] }) {
  const [open, setOpen] = useState(false);
  const rest = sources.length > SOURCES_SHOWN ? sources.slice(SOURCES_SHOWN) : [];
  const printing = usePrinting(rest.length > 0);
  if (sources.length === 0) return null;
  const first = rest.length ? sources.slice(0, SOURCES_SHOWN) : sources;
  // on paper, the folded sources are printed in place of the closed disclosure
  const printRest = printing && !open;
  return (
    <footer className={printRest ? 'sources printing' : 'sources'}>
      <span className="sources-label">Nguồn:</span>
      <div className="sources-lists">
        <ul aria-label="Nguồn số liệu">
          {first.map((s) => (
            <SourceItem key={s.id} s={s} />
          ))}
        </ul>
        {rest.length > 0 && (
          <details className="sources-more" onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>và {rest.length} nguồn khác</summary>
            {open && (
              <ul aria-label="Các nguồn số liệu khác">
                {rest.map((s) => (
                  <SourceItem key={s.id} s={s} />
                ))}
              </ul>
            )}
          </details>
        )}
        {printRest && (
          <ul className="sources-print" aria-hidden="true">
            {rest.map((s) => (
              <li key={s.id}>
                {s.title} ({s.date})
              </li>
            ))}
          </ul>
        )}
      </div>
    </footer>
  );
}
