/** The ticks of a value axis, shared by both charts. */

/**
 * 1, 2, 2.5, 5 or 10 times a power of ten: the step of "nice" axis ticks (2.5 only from 25 up,
 * so that ticks of small counts stay whole numbers: a count axis of 0..10 reads 0, 5, 10).
 */
function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 && power >= 10 ? 2.5 : f <= 5 ? 5 : 10;
  return m * power;
}

/** A domain from 0 (or the lowest negative value) to a round number above the highest, and its ticks. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const step = niceStep((hi - lo) / Math.max(1, count - 1));
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // rounded to the step's precision, so 0.1 + 0.2 stays 0.3
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return ticks;
}
