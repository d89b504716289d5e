import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { userMessageOf } from '../../api/client';
import { queries } from '../../api/queries';
import { PanelError, PanelLoading } from '../../components/panel/panel-states';
import './report-text.css';

/** A report's text, fetched once its disclosure is open; shown as a React text node only. */
function SourceText({ id, title }: { id: string; title: string }) {
  const query = useQuery(queries.source(id));
  if (query.data) {
    return (
      // scrollable, so it takes the focus for keyboard scrolling
      <div className="source-report-text" role="group" aria-label={`Văn bản báo cáo: ${title}`} tabIndex={0}>
        {query.data.text ?? ''}
      </div>
    );
  }
  if (query.isError) {
    return (
      <PanelError
        message={`Không tải được văn bản báo cáo. ${userMessageOf(query.error)}`}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return <PanelLoading label="Đang tải văn bản…" />;
}

/**
 * A stored report's text behind a disclosure (kept off paper); a closed one fetches nothing.
 * The editor's figure list shows it too: the app hands it to the editor (features do not import each other).
 */
export function ReportText({ id, title, summary = 'Xem văn bản báo cáo' }: { id: string; title: string; summary?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="source-report" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && <SourceText id={id} title={title} />}
    </details>
  );
}
