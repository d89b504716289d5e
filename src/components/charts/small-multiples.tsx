import type { ReactNode } from 'react';
import './small-multiples.css';

/** Charts of one panel side by side where there is room, one under the other on a phone. */
export function SmallMultiples({ children }: { children: ReactNode }) {
  return <div className="small-multiples">{children}</div>;
}
