/** Shown only on paper: the active filters and when the page was printed. */
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import './print.css';

export interface PrintHeaderProps {
  unitNames: string[];
  periodLabel: string;
}

export function PrintHeader({ unitNames, periodLabel }: PrintHeaderProps) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const refresh = () => setNow(new Date());
    window.addEventListener('beforeprint', refresh);
    const print = window.matchMedia?.('print');
    const onChange = (e: MediaQueryListEvent) => {
      if (e.matches) refresh();
    };
    print?.addEventListener?.('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', refresh);
      print?.removeEventListener?.('change', onChange);
    };
  }, []);

  return (
    <div className="print-header print-only">
      <p>
        <b>Phường, xã:</b> {unitNames.join(', ')} · <b>Kỳ báo cáo:</b> {periodLabel}
      </p>
      <p>In lúc {formatDateTime(now)}</p>
    </div>
  );
}
