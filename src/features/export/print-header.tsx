/**
 * What every printed page says at its top, and the page's title while it prints: the units, the
 * period, when it was printed and, offline, the saved copy it was printed from. The header is a
 * page margin box of print.css, filled from the custom property --print-header (so it repeats on
 * every page, beside the page numbers); the title ("Phường Mỹ Thới – Cả năm 2024 – Chỉ tiêu
 * Nghị quyết") is what "Save as PDF" names the file. Both are set when printing starts and put
 * back after.
 */
import { useLayoutEffect } from 'react';
import { formatDateTime } from '../../lib/format';
import { usePrinting } from './print-state';
import './print.css';

export interface PrintHeaderProps {
  unitNames: string[];
  periodLabel: string;
  /** The page shows a saved copy (offline): what the paper says of it (PanelExport's savedCopy). */
  savedCopy?: string;
}

const APP_TITLE = 'Chỉ tiêu Nghị quyết';

/** The title while printing: units and period first, so that saved files tell apart. */
export function printTitle(units: string, periodLabel: string): string {
  return `${units} – ${periodLabel} – ${APP_TITLE}`;
}

/** The header line of every page; printed from a saved copy, it says so last. */
export function printHeaderLine(units: string, periodLabel: string, now: Date, savedCopy?: string): string {
  const line = `Phường, xã: ${units} · Kỳ báo cáo: ${periodLabel} · In lúc ${formatDateTime(now)}`;
  return savedCopy ? `${line} · ${savedCopy}` : line;
}

/** A CSS string (for `content`): quotes and backslashes escaped, line breaks as spaces. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

export function PrintHeader({ unitNames, periodLabel, savedCopy }: PrintHeaderProps) {
  const printing = usePrinting();
  const units = unitNames.join(', ');
  useLayoutEffect(() => {
    if (!printing) return;
    const root = document.documentElement;
    const title = document.title;
    root.style.setProperty('--print-header', cssString(printHeaderLine(units, periodLabel, new Date(), savedCopy)));
    document.title = printTitle(units, periodLabel);
    return () => {
      document.title = title;
      root.style.removeProperty('--print-header');
    };
  }, [printing, units, periodLabel, savedCopy]);
  return null;
}
