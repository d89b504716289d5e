/**
 * Every figure the reports give is shown somewhere: the figures of family `other` (new Party
 * members, jobs found, socially funded works…) in regions of their own, by theme (Xây dựng
 * Đảng, Kinh tế – việc làm, Văn hóa – xã hội), each with its tiles, table, sources and exports
 * like the four families; a region without figures for the period says so in a line.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../data';
import { FAMILIES } from '../../src/features/kpi-panel/families';
import { renderAt } from '../render';

const THEMES = ['Xây dựng Đảng', 'Kinh tế – việc làm', 'Văn hóa – xã hội'];
const panel = (name: string) => screen.getByRole('region', { name });
const tilesOf = async (name: string) => within(await within(panel(name)).findByRole('list', { name: 'Số liệu chính' }));
/** Each tile as "label: value". */
const tileTexts = async (name: string) =>
  (await tilesOf(name)).getAllByRole('listitem').map((li) => `${li.querySelector('.tile-label')?.textContent}: ${li.querySelector('.tile-value')?.textContent}`);

afterEach(() => vi.restoreAllMocks());

describe('the regions of the page', () => {
  it('give every indicator of the reports a region, and each only one', () => {
    const { indicators } = loadDataset();
    for (const indicator of indicators) {
      const regions = FAMILIES.filter((f) => f.headline.includes(indicator.id));
      expect(regions.map((r) => r.title), indicator.id).toHaveLength(1);
      expect(regions[0]!.family, indicator.id).toBe(indicator.family);
    }
    // the themes share the figures of family `other`, under titles of their own
    expect(FAMILIES.filter((f) => f.family === 'other').map((f) => f.title)).toEqual(THEMES);
    expect(new Set(FAMILIES.map((f) => f.slug)).size).toBe(FAMILIES.length);
  });
});

describe('the other figures, by theme', () => {
  it('show Mỹ Thới’s figures of the year-end report in their themes, with their sources', async () => {
    renderAt('/?unit=my-thoi&period=2024-Q4');
    expect(await tileTexts('Xây dựng Đảng')).toEqual(
      expect.arrayContaining(['Đảng viên mới kết nạp: 13/13 đảng viên', 'Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ: 100%']),
    );
    // a 9-month figure is shown in the year's view, and says so
    const party = await tilesOf('Xây dựng Đảng');
    const registrations = party.getByText('113 lượt đăng ký').closest('li')!;
    expect(registrations).toHaveTextContent('Số liệu 9 tháng 2024, chưa có số Cả năm 2024');
    expect(await tileTexts('Kinh tế – việc làm')).toEqual(
      expect.arrayContaining([
        'Lao động được giới thiệu việc làm: 611 người',
        'Tỷ lệ giới thiệu việc làm so với chỉ tiêu: 126%',
        'Công trình từ nguồn xã hội hóa: 12 công trình',
        'Kinh phí công trình xã hội hóa: trên 6,1 tỷ đồng',
      ]),
    );
    expect(await tileTexts('Văn hóa – xã hội')).toEqual([
      'Tỷ lệ hộ gia đình văn hóa: 97,78%',
      'Tỷ lệ huy động trẻ vào lớp 1: 100%',
      'Hoàn thành chỉ tiêu giao quân: 100%',
    ]);
    for (const theme of THEMES) {
      const region = within(panel(theme));
      for (const format of ['PNG', 'SVG', 'CSV']) expect(region.getByRole('button', { name: new RegExp(format) })).toBeEnabled();
      expect(region.getByText(/Đảng ủy phường Mỹ Thới tổ chức Hội nghị tổng kết năm 2024/)).toBeInTheDocument();
    }
  });

  it('list every figure of a theme in its table, with its source', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await tilesOf('Kinh tế – việc làm');
    const region = panel('Kinh tế – việc làm');
    await user.click(within(region).getByText(/Xem bảng số liệu/));
    const rows = within(within(region).getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].slice(1, 3).map((td) => td.textContent).join(' · '));
    // the trend's figures: the 9-month report's works too
    expect(rows).toEqual(
      expect.arrayContaining([
        'Cả năm 2024 · Lao động được giới thiệu việc làm',
        '9 tháng 2024 · Công trình từ nguồn xã hội hóa',
        '9 tháng 2024 · Kinh phí công trình xã hội hóa',
        'Cả năm 2024 · Kinh phí công trình xã hội hóa',
      ]),
    );
    // nothing of another theme
    expect(rows.some((r) => r.includes('Đảng viên'))).toBe(false);
  });

  it('show the Quý I 2026 report’s members, organizations, enterprises and business households', async () => {
    renderAt('/?unit=my-thoi&period=2026-Q1');
    expect(await tileTexts('Xây dựng Đảng')).toEqual(
      expect.arrayContaining(['Đảng viên mới kết nạp: 6 đảng viên', 'Tổng số đảng viên: 1.430 đảng viên', 'Tổ chức đảng trực thuộc: 37 tổ chức']),
    );
    expect(await tileTexts('Kinh tế – việc làm')).toEqual(['Doanh nghiệp đang hoạt động: 133 doanh nghiệp', 'Hộ kinh doanh đang hoạt động: 2.487 hộ']);
    expect(await tileTexts('Văn hóa – xã hội')).toEqual(['Hoàn thành chỉ tiêu giao quân: 100%']);
  });

  it('export a theme’s figures as CSV, in a file named after the theme', async () => {
    const files: { name: string; blob: Blob }[] = [];
    let last: Blob | undefined;
    URL.createObjectURL = vi.fn((blob: Blob) => ((last = blob), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: last! });
    });
    const { user } = renderAt('/?unit=my-thoi&period=2024-Q4');
    await tilesOf('Xây dựng Đảng');
    await user.click(within(panel('Xây dựng Đảng')).getByRole('button', { name: /CSV/ }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toMatch(/^xay-dung-dang_/);
    const csv = await files[0]!.blob.text();
    expect(csv).toContain('Đảng viên mới kết nạp');
    expect(csv).toContain('Đăng ký mô hình “Dân vận khéo”');
    expect(csv).not.toContain('Lao động được giới thiệu việc làm');
  });
});

describe('a theme without figures', () => {
  it('says so in a sentence that keeps the theme’s proper names, and offers the latest period that has some', async () => {
    const { user } = renderAt('/?unit=my-thoi&period=2025-Q4');
    const party = panel('Xây dựng Đảng');
    expect(await within(party).findByText('Phường Mỹ Thới chưa có số liệu xây dựng Đảng cho kỳ Cả năm 2025.')).toBeInTheDocument();
    // no exports of nothing
    expect(within(party).queryByRole('button', { name: /PNG/ })).not.toBeInTheDocument();
    await user.click(within(party).getByRole('button', { name: 'Xem kỳ gần nhất có số liệu: Cả năm 2024' }));
    expect(await tileTexts('Xây dựng Đảng')).toContain('Đảng viên mới kết nạp: 13/13 đảng viên');
  });

  it('says which unit has none, while another theme shows that unit’s figures', async () => {
    renderAt('/?unit=my-quy&period=2024-Q2');
    expect(await within(panel('Kinh tế – việc làm')).findByText('Chưa có số liệu của Phường Mỹ Quý.')).toBeInTheDocument();
    expect(await tileTexts('Văn hóa – xã hội')).toEqual(['Tỷ lệ tham gia bảo hiểm xã hội tự nguyện: 58,27%']);
    expect(await tileTexts('Xây dựng Đảng')).toEqual(['Tập thể được khen thưởng: 7 tập thể', 'Cá nhân được khen thưởng: 10 người']);
  });
});
