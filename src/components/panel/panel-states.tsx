import './panel-states.css';
import type { ReactNode } from 'react';

export function PanelLoading({ label = 'Đang tải số liệu…' }: { label?: string }) {
  return (
    <div className="panel-state panel-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function PanelError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying?: boolean }) {
  return (
    <div className="panel-state panel-error" role="alert">
      <p>{message}</p>
      <button type="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Đang thử lại…' : 'Thử lại'}
      </button>
    </div>
  );
}

export function PanelEmpty({ children }: { children: ReactNode }) {
  return (
    <div className="panel-state panel-empty">
      <p className="empty-title">Chưa có số liệu</p>
      {children}
    </div>
  );
}
