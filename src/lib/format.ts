/**
 * vi-VN formatting of the figures: decimal comma, thousands dot, tỷ/triệu for money,
 * and the qualifier kept with the value ("trên 12 tỷ đồng").
 */
import type { MeasureUnit, Qualifier } from '../api/contract';
import { viNumber } from './vi-number';
import { MEASURE_NAMES, QUALIFIER_WORDS } from './vocabulary';

/** 1770 → "1.770", 88.44 → "88,44". */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  // the same few thousand figures are written again at every filter change
  const key = `${maximumFractionDigits}|${Object.is(value, -0) ? '-0' : value}`;
  const known = written.get(key);
  if (known !== undefined) return known;
  const text = viNumber(value, maximumFractionDigits);
  if (written.size >= WRITTEN_LIMIT) written.clear();
  written.set(key, text);
  return text;
}
const written = new Map<string, string>();
const WRITTEN_LIMIT = 20_000;

/**
 * 12_000_000_000 → "12 tỷ đồng", 12_500_000_000 → "12,5 tỷ đồng", 528_000_000 → "528 triệu đồng".
 * Never three decimals ("40,888 tỷ" reads as forty thousand): an amount that needs them is
 * written as the reports write it, in tỷ and triệu ("40 tỷ 888 triệu đồng"), and stays exact.
 */
export function formatMoney(vnd: number): string {
  const abs = Math.abs(vnd);
  const sign = vnd < 0 ? '-' : '';
  if (abs >= 1e9) {
    const billions = abs / 1e9;
    // up to two decimals when they say it all (to a thousand đồng)
    if (Math.abs(billions * 100 - Math.round(billions * 100)) * 1e7 < 1) return `${sign}${formatNumber(billions)} tỷ đồng`;
    const whole = Math.floor(billions);
    const millions = Math.round((abs - whole * 1e9) / 1e4) / 100;
    if (millions >= 1000) return `${sign}${formatNumber(billions)} tỷ đồng`;
    return `${sign}${formatNumber(whole, 0)} tỷ ${formatNumber(millions)} triệu đồng`;
  }
  if (abs >= 1e6) return `${sign}${formatNumber(abs / 1e6)} triệu đồng`;
  return `${sign}${formatNumber(abs, 0)} đồng`;
}

/** Shorter form for chart axes: "12 tỷ", "528 tr". */
export function formatMoneyShort(vnd: number): string {
  const abs = Math.abs(vnd);
  if (abs >= 1e9) return `${formatNumber(vnd / 1e9, 1)} tỷ`;
  if (abs >= 1e6) return `${formatNumber(vnd / 1e6, 0)} tr`;
  return formatNumber(vnd, 0);
}

/** A chart axis's tick, shorter than a value: "12 tỷ", "75%", "1.770". */
export function formatAxisValue(value: number, unit: MeasureUnit): string {
  if (unit === 'vnd') return formatMoneyShort(value);
  return unit === 'percent' ? `${formatNumber(value, 0)}%` : formatNumber(value, 0);
}

/** A value written after its bar, short (the unit is on the axis): "12,5 tỷ", "29,95%", "1.770". */
export function formatBarValue(value: number, unit: MeasureUnit): string {
  if (unit === 'vnd') return formatMoneyShort(value);
  return unit === 'percent' ? `${formatNumber(value)}%` : formatNumber(value);
}

/** A value with its unit: "12 tỷ đồng", "88,44%", "1.770 phần quà", "10/11 chỉ tiêu". */
export function formatValue(value: number, unit: MeasureUnit, outOf?: number): string {
  if (unit === 'vnd') return formatMoney(value);
  if (unit === 'percent') return `${formatNumber(value)}%`;
  const count = outOf !== undefined ? `${formatNumber(value)}/${formatNumber(outOf)}` : formatNumber(value);
  return `${count} ${MEASURE_NAMES[unit]}`;
}

/** The value as the report said it: "trên 12 tỷ đồng", "gần 2,6 tỷ đồng". */
export function formatQualified(value: number, unit: MeasureUnit, qualifier: Qualifier, outOf?: number): string {
  const word = QUALIFIER_WORDS[qualifier];
  const text = formatValue(value, unit, outOf);
  return word ? `${word} ${text}` : text;
}

/** "2024-12-30" → "30/12/2024". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "23/11/2026 14:05", in the viewer's time zone. */
export function formatDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A value axis's tick, in what the axis counts ("5" on an axis of tỷ đồng, "75%"). */
export function formatAxisTick(value: number, axis: { measure: MeasureUnit; divisor: number }): string {
  return axis.measure === 'vnd' ? formatNumber(value / axis.divisor, 1) : formatAxisValue(value, axis.measure);
}
