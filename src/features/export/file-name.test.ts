import { describe, expect, it } from 'vitest';
import { asciiSlug, exportFileName } from './file-name';

describe('exportFileName', () => {
  it('names slug, units and period in words, as the issue shows', () => {
    expect(exportFileName({ slug: 'thu-ngan-sach', unitIds: ['my-thoi'], period: '2024-Q4' }, 'png')).toBe(
      'thu-ngan-sach_my-thoi_2024-ca-nam.png',
    );
  });

  it('joins several units with hyphens and keeps the format as extension', () => {
    expect(exportFileName({ slug: 'bao-hiem-y-te', unitIds: ['my-thoi', 'my-binh'], period: '2025-Q3' }, 'csv')).toBe(
      'bao-hiem-y-te_my-thoi-my-binh_2025-9-thang.csv',
    );
    expect(exportFileName({ slug: 'giam-ngheo', unitIds: ['long-xuyen'], period: '2026-Q1' }, 'svg')).toBe(
      'giam-ngheo_long-xuyen_2026-quy-1.svg',
    );
  });

  it('never carries diacritics, spaces or path characters', () => {
    const name = exportFileName({ slug: 'Chỉ tiêu Nghị quyết', unitIds: ['Mỹ Thới/../x', 'Đông Hòa'], period: '2024-Q2' }, 'png');
    expect(name).toBe('chi-tieu-nghi-quyet_my-thoi-x-dong-hoa_2024-6-thang.png');
    expect(name).toMatch(/^[a-z0-9_.-]+$/);
  });

  it('says how many units when the list is too long, and "tat-ca" when empty', () => {
    const many = Array.from({ length: 12 }, (_, i) => `phuong-so-${i + 1}`);
    expect(exportFileName({ slug: 'thu-ngan-sach', unitIds: many, period: '2024-Q4' }, 'png')).toBe(
      'thu-ngan-sach_12-don-vi_2024-ca-nam.png',
    );
    expect(exportFileName({ slug: 'thu-ngan-sach', unitIds: [], period: '2024-Q4' }, 'png')).toBe('thu-ngan-sach_tat-ca_2024-ca-nam.png');
  });
});

describe('exportFileName variants', () => {
  it('tells apart the resolutions and the slide sizes of the same panel', () => {
    const panel = { slug: 'thu-ngan-sach', unitIds: ['my-thoi'], period: '2024-Q4' };
    const x2 = exportFileName(panel, 'png', '2x');
    const x3 = exportFileName(panel, 'png', '3x');
    expect(x2).toBe('thu-ngan-sach_my-thoi_2024-ca-nam_2x.png');
    expect(x3).toBe('thu-ngan-sach_my-thoi_2024-ca-nam_3x.png');
    expect(exportFileName(panel, 'png', 'Trình chiếu 1920x1080')).toBe('thu-ngan-sach_my-thoi_2024-ca-nam_trinh-chieu-1920x1080.png');
  });
});

describe('asciiSlug', () => {
  it('folds Vietnamese letters, đ included', () => {
    expect(asciiSlug('Phường Mỹ Thới')).toBe('phuong-my-thoi');
    expect(asciiSlug('ĐẢNG ỦY  Ước tính')).toBe('dang-uy-uoc-tinh');
  });
});
