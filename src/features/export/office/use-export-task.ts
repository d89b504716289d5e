/**
 * One export at a time from a control: the file is made, then handed over whole (nothing is
 * downloaded when it fails). Progress is shown only once it has taken `PROGRESS_AFTER_MS` (a
 * quick file does not flash a spinner); a failure is said in Vietnamese until the next try.
 */
import { useEffect, useRef, useState } from 'react';
import { downloadBlob } from '../download';
import { ExportError, type ExportedFile } from '../export-panel';

export const PROGRESS_AFTER_MS = 300;

export interface ExportTask {
  /** What is being made, from the moment it is asked for ("PowerPoint"). */
  busy: string | null;
  /** It has taken long enough to show progress. */
  slow: boolean;
  error: string | null;
  run(what: string, make: () => Promise<ExportedFile>, failure: string): Promise<void>;
}

export function useExportTask(): ExportTask {
  const [busy, setBusy] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function run(what: string, make: () => Promise<ExportedFile>, failure: string) {
    if (running.current) return;
    running.current = true;
    setBusy(what);
    setError(null);
    timer.current = setTimeout(() => setSlow(true), PROGRESS_AFTER_MS);
    try {
      const file = await make();
      downloadBlob(file.blob, file.fileName);
    } catch (err) {
      if (!(err instanceof ExportError)) console.error('export failed', err);
      const why = err instanceof ExportError ? ` ${err.message}` : '';
      setError(`${failure}${why} Vui lòng thử lại.`);
    } finally {
      clearTimeout(timer.current);
      running.current = false;
      setBusy(null);
      setSlow(false);
    }
  }

  return { busy, slow, error, run };
}
