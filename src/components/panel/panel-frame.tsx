import { useId, type ReactNode } from 'react';

interface PanelFrameProps {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
  children: ReactNode;
  /** For the export of this panel. */
  slug: string;
}

/** A region named by its heading; one per KPI family. */
export function PanelFrame({ title, subtitle, actions, children, slug }: PanelFrameProps) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId} data-panel={slug}>
      <header className="panel-header">
        <div>
          <h2 id={headingId}>{title}</h2>
          {subtitle && <p className="panel-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
