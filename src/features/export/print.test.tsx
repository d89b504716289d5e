import { act, render } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { preloadPrintDrawing, PrintChart } from './print-chart';
import { cssString, PrintHeader, printTitle } from './print-header';
import { rankedTestPanel, SAVED_COPY, targetsTestPanel, testPanel } from './test-panel';

const printing = (on: boolean) => act(() => void window.dispatchEvent(new Event(on ? 'beforeprint' : 'afterprint')));

describe('PrintHeader', () => {
  it('names the units and period in the page title and the header of every page while printing, and puts them back after', () => {
    document.title = 'Chỉ tiêu Nghị quyết các phường';
    render(<PrintHeader unitNames={['Phường Mỹ Thới']} periodLabel="Cả năm 2024" />);
    const header = () => document.documentElement.style.getPropertyValue('--print-header');
    expect(header()).toBe('');
    printing(true);
    expect(document.title).toBe('Phường Mỹ Thới – Cả năm 2024 – Chỉ tiêu Nghị quyết');
    expect(header()).toMatch(/^"Phường, xã: Phường Mỹ Thới · Kỳ báo cáo: Cả năm 2024 · In lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}"$/);
    printing(false);
    expect(document.title).toBe('Chỉ tiêu Nghị quyết các phường');
    expect(header()).toBe('');
  });

  it('says on every page, printed from a saved copy, that it was and when the copy was saved', () => {
    const { rerender } = render(<PrintHeader unitNames={['Phường Mỹ Thới']} periodLabel="Cả năm 2024" savedCopy={SAVED_COPY} />);
    const header = () => document.documentElement.style.getPropertyValue('--print-header');
    printing(true);
    expect(header()).toMatch(/^"Phường, xã: Phường Mỹ Thới · Kỳ báo cáo: Cả năm 2024 · In lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · Lập từ bản lưu lúc 08:15 ngày 02\/12\/2026 — không có kết nối"$/);
    // back online while the dialog is open: the header no longer says it
    rerender(<PrintHeader unitNames={['Phường Mỹ Thới']} periodLabel="Cả năm 2024" />);
    expect(header()).not.toContain('bản lưu');
    printing(false);
  });

  it('writes the header as a CSS string whatever the names hold', () => {
    expect(cssString('Xã "A" \\ B\nC')).toBe('"Xã \\"A\\" \\\\ B C"');
    expect(printTitle('Tỉnh An Giang · 102 xã, phường', 'Quý I 2026')).toBe('Tỉnh An Giang · 102 xã, phường – Quý I 2026 – Chỉ tiêu Nghị quyết');
  });
});

describe('PrintChart', () => {
  // as the page does once it is idle
  beforeAll(() => preloadPrintDrawing());

  it('draws nothing on screen, and the panel’s charts from its data while printing', () => {
    const { container } = render(<PrintChart panel={targetsTestPanel()} />);
    expect(container.querySelector('.print-chart')).toBeNull();
    printing(true);
    const svg = container.querySelector('.print-chart svg')!;
    expect([...svg.querySelectorAll('.chart-value')].map((t) => t.textContent)).toEqual(['6', '11', '9', '11', '10', '11', '8', '20']);
    expect([...svg.querySelectorAll('.legend-label')].map((t) => t.textContent)).toEqual(['Đạt – Phường Mỹ Thới', 'Tổng số chỉ tiêu – Phường Mỹ Thới']);
    // drawn at the width of a printed column, scaled to it
    expect(svg.getAttribute('viewBox')!.split(' ')[2]).toBe('500');
    expect(svg.getAttribute('width')).toBe('100%');
    printing(false);
    expect(container.querySelector('.print-chart')).toBeNull();
  });

  it('cuts a ranking of 102 units to fit a page: its top, its bottom and the user’s units', () => {
    const { container } = render(<PrintChart panel={rankedTestPanel(102, { mine: ['gl-70'] })} />);
    printing(true);
    const svg = container.querySelector('.print-chart svg')!;
    const [, , , height] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    // with its legend and note, well inside an A4 landscape page (about 690 px between its margins)
    expect(height).toBeLessThan(500);
    const rows = [...svg.querySelectorAll('.comparison-row')].map((g) => g.querySelector('.comparison-label, .comparison-gap')!.textContent);
    expect(rows.length).toBeLessThanOrEqual(16);
    expect(rows).toContain('Xã Giả Lập Số 70');
    expect(rows.filter((r) => r?.startsWith('⋯'))).toHaveLength(2);
    printing(false);
  });

  it('leaves a panel without a chart as it is on paper', () => {
    const { container } = render(<PrintChart panel={testPanel()} />);
    printing(true);
    expect(container.querySelector('.print-chart')).toBeNull();
    printing(false);
  });
});
