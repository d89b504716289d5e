/**
 * Around the page: tells the panels whether the server can be reached (ConnectionLost), and
 * under the page, kept in view at the bottom of the screen, the saved-copy banner and the offer
 * of a new version. Without `offline` (page tests that do not start it) only the page.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ConnectionLost } from '../../components/panel/panel-states';
import { useConnection, useConnectionLost } from './connection';
import type { SavedCopies } from './saved-copies';
import { formatSavedTime, savedCopyText, savedTimeOf } from './saved-time';
import { useAppUpdate } from './service-worker';
import type { Offline } from './start-offline';
import './offline.css';

/** The time of the figures on screen, while they are a saved copy or the connection is lost. */
function useSavedTime(copies: SavedCopies): number | undefined {
  const client = useQueryClient();
  const subscribe = useCallback(
    (listener: () => void) => {
      const stops = [client.getQueryCache().subscribe(listener), copies.subscribe(listener), useConnection.subscribe(listener)];
      return () => stops.forEach((stop) => stop());
    },
    [client, copies],
  );
  // a page the server drew shows no saved copy (it came with its answers)
  return useSyncExternalStore(
    subscribe,
    () => savedTimeOf(client.getQueryCache(), useConnection.getState().lost, copies),
    () => undefined,
  );
}

const SavedTime = createContext<number | undefined>(undefined);

/**
 * What a file made now from the figures on screen must say, when they are a saved copy ("Lập từ
 * bản lưu lúc 08:15 ngày 02/12/2026 — không có kết nối", the banner's time); undefined when they
 * are current. For the exports, which the app gives it to.
 */
export function useSavedCopyNote(): string | undefined {
  const time = useContext(SavedTime);
  return time === undefined ? undefined : `Lập từ bản lưu lúc ${formatSavedTime(time)} — không có kết nối`;
}

function SavedBanner({ time }: { time: number | undefined }) {
  // the live region stays; what it says comes and goes
  return (
    <div role="status" aria-live="polite">
      {time !== undefined && <p className="offline-banner">{savedCopyText(time)}</p>}
    </div>
  );
}

function UpdatePrompt() {
  const apply = useAppUpdate((s) => s.apply);
  const [later, setLater] = useState<(() => void) | undefined>();
  if (!apply || later === apply) return null;
  return (
    <div className="update-prompt" role="status">
      <p>
        Có phiên bản mới —{' '}
        <button type="button" className="update-reload" onClick={apply}>
          tải lại
        </button>
      </p>
      <button type="button" onClick={() => setLater(() => apply)}>
        Để sau
      </button>
    </div>
  );
}

function Notices({ copies, children }: { copies: SavedCopies; children: ReactNode }) {
  const time = useSavedTime(copies);
  return (
    <SavedTime.Provider value={time}>
      {children}
      <div className="offline-notices">
        <SavedBanner time={time} />
        <UpdatePrompt />
      </div>
    </SavedTime.Provider>
  );
}

export function OfflineLayer({ offline, children }: { offline?: Offline; children: ReactNode }) {
  const lost = useConnectionLost();
  return (
    <ConnectionLost.Provider value={Boolean(offline) && lost}>
      {offline ? <Notices copies={offline.copies}>{children}</Notices> : children}
    </ConnectionLost.Provider>
  );
}
