import './panel-states.css';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * Whether the server cannot be reached now. The app provides it (features/offline): a panel
 * then says so instead of waiting with a spinner, or instead of the request's own error.
 */
export const ConnectionLost = createContext(false);

/** What a panel without its figures says while the server cannot be reached. */
export const CONNECTION_LOST = 'Mất kết nối tới máy chủ.';

export function PanelLoading({ label = 'Đang tải số liệu…' }: { label?: string }) {
  const lost = useContext(ConnectionLost);
  return (
    <div className="panel-state panel-loading" role="status" aria-live="polite">
      {lost ? (
        <>
          <strong>{CONNECTION_LOST}</strong> Số liệu sẽ hiện khi máy chủ trả lời.
        </>
      ) : (
        <>
          <span className="spinner" aria-hidden="true" />
          {label}
        </>
      )}
    </div>
  );
}

export function PanelError({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying?: boolean }) {
  const lost = useContext(ConnectionLost);
  return (
    <div className="panel-state panel-error" role="alert">
      {lost ? (
        <p>
          <strong>{CONNECTION_LOST}</strong> Phần này chưa được lưu trên máy để xem khi không có mạng, và sẽ tự tải lại khi kết
          nối lại được.
        </p>
      ) : (
        <p>{message}</p>
      )}
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
