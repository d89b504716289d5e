import type { ReactNode } from 'react';
import './small-multiples.css';

/** The columns' least width and the gap between them, as in small-multiples.css. */
const MIN_COLUMN = 280;
const GAP = 16;

/** The width of each of `count` charts in a box `width` wide, as small-multiples.css lays them out. */
export function multipleWidth(width: number, count: number): number {
  const columns = Math.max(1, Math.min(count, Math.floor((width + GAP) / (MIN_COLUMN + GAP))));
  return Math.floor((width - GAP * (columns - 1)) / columns);
}

/** Charts of one panel side by side where there is room, one under the other on a phone. */
export function SmallMultiples({ children }: { children: ReactNode }) {
  return <div className="small-multiples">{children}</div>;
}
