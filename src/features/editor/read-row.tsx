/**
 * A row of the import read from a report (a figure, a plan's target): its number, its name (the
 * row's accessible name), its value, what else is known of it and where it stands, then the
 * sentence it was read from with its matched words marked (text nodes and <mark> only) and the
 * reader's note on it; what the row adds (notes, its form, its buttons) after them.
 */
import type { ReactNode } from 'react';
import { splitHighlight, type TextRange } from './highlight';

export interface ReadRowProps {
  /** The row's useId(): its name is `${id}-name`. */
  id: string;
  index: number;
  name: string;
  value: string;
  meta: string;
  /** The row's class and its badge's: "pending", "accepted", "rejected", "stored". */
  state: string;
  badge: string;
  read: { sentence: string; sentenceRange: TextRange; range: TextRange; note?: string };
  children: ReactNode;
}

export function ReadRow({ id, index, name, value, meta, state, badge, read, children }: ReadRowProps) {
  const parts = splitHighlight(read.sentence, read.sentenceRange, read.range);
  return (
    <li className={`candidate candidate-${state}`} aria-labelledby={`${id}-name`}>
      <div className="candidate-head">
        <span className="candidate-index">{index + 1}.</span>
        <div className="candidate-title">
          <strong id={`${id}-name`}>{name}</strong>
          <span className="candidate-value">{value}</span>
          <span className="candidate-meta">{meta}</span>
        </div>
        <span className={`badge badge-${state}`}>{badge}</span>
      </div>
      <blockquote className="candidate-sentence" aria-label="Câu trong báo cáo">
        {parts.before}
        <mark>{parts.mark}</mark>
        {parts.after}
      </blockquote>
      {read.note && <p className="candidate-note">Lưu ý: {read.note}</p>}
      {children}
    </li>
  );
}
