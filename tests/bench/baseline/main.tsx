/**
 * The benchmark's baseline (tests/bench/bench.ts): the least page that draws one Recharts
 * chart of the kind the dashboard draws (800×360 bars per period with a benchmark line), with
 * the same React, Recharts and Vite settings, and its data inline: no fetching, no parsing.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';

const rows = ['Quý I', '6 tháng', '9 tháng', 'Cả năm'].flatMap((q, i) =>
  [2023, 2024].map((year, j) => ({ label: `${q} ${year}`, value: 20 + i * 22 + j * 5, benchmark: (i + 1) * 25 })),
);

function Chart() {
  return (
    <ComposedChart width={800} height={360} data={rows} margin={{ top: 24, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid stroke="#e3e6ea" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} />
      <YAxis tick={{ fontSize: 12 }} width={64} />
      <Tooltip />
      <Legend wrapperStyle={{ fontSize: 13 }} />
      <Bar dataKey="value" name="Tỷ lệ thu" fill="#0072B2" isAnimationActive={false} maxBarSize={48} />
      <Line dataKey="benchmark" name="Tiến độ đều" stroke="#B00020" strokeWidth={2} isAnimationActive={false} />
    </ComposedChart>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Chart />
  </StrictMode>,
);
