/**
 * A number written as vi-VN writes it (thousands dot, decimal comma), the same text as
 * `new Intl.NumberFormat('vi-VN', { maximumFractionDigits }).format(value)`, without Intl:
 * the first Intl formatter of a page loads the browser's locale data, 15–40 ms on a laptop and
 * four times that on a phone, in the task that draws the first figures. Like ICU, it rounds the
 * number's shortest decimal form half away from zero (1.005 → "1,01"), keeps the sign of a
 * negative that rounds to zero ("-0") and never uses exponents. Not finite: Intl's own text.
 */
export function viNumber(value: number, maximumFractionDigits: number): string {
  if (!Number.isFinite(value)) return new Intl.NumberFormat('vi-VN').format(value);
  const negative = value < 0 || Object.is(value, -0);
  // the shortest digits that read back as the number, and where its decimal point falls
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e') as [string, string];
  let digits = mantissa.replace('.', '');
  let whole = Number(exponent) + 1; // digits before the decimal point (may be ≤ 0)
  const kept = whole + maximumFractionDigits;
  if (kept < digits.length) {
    const up = kept >= 0 && digits.charCodeAt(kept) >= 53; // '5'
    digits = kept > 0 ? digits.slice(0, kept) : '';
    if (up) {
      const carried = increment(digits);
      if (carried.length > digits.length) whole++;
      digits = carried;
    }
  }
  // the integer part and the fraction, as digit strings
  let integer: string;
  let fraction: string;
  if (whole <= 0) {
    integer = '0';
    fraction = '0'.repeat(-whole) + digits;
  } else if (whole >= digits.length) {
    integer = digits + '0'.repeat(whole - digits.length);
    fraction = '';
  } else {
    integer = digits.slice(0, whole);
    fraction = digits.slice(whole);
  }
  fraction = fraction.slice(0, maximumFractionDigits).replace(/0+$/, '');
  integer = integer.replace(/^0+(?=\d)/, '');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** "0999" → "1000", "" → "1": one more in the last place of a digit string. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - 1 - i);
}
