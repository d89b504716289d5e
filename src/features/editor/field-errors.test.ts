import { describe, expect, it } from 'vitest';
import { apiIssueMessage } from './field-errors';

const names = { unitName: (id: string) => ({ 'my-thoi': 'Phường Mỹ Thới', 'my-binh': 'Phường Mỹ Bình', 'long-xuyen': 'Phường Long Xuyên' })[id] ?? id };
const say = (message: string, path = 'value') => apiIssueMessage({ path, message }, names);

describe('the refusals of the rules and of a limited token, in Vietnamese with the units’ names', () => {
  it.each([
    ['must be a whole number (a count of household)', 'Số đếm phải là số nguyên.'],
    [
      'source "my-thoi-2024-year" is a report of unit "my-thoi", not of "my-binh" or a unit that contains it',
      'Nguồn này là báo cáo của Phường Mỹ Thới, không phải của Phường Mỹ Bình.',
    ],
    ['1990-05-01 is outside the life of unit "long-xuyen" (from 2025-07-01)', 'Ngày báo cáo nằm ngoài thời gian tồn tại của Phường Long Xuyên.'],
    ['this token may not write unit "my-binh"', 'Mã truy cập này không được nhập số liệu cho Phường Mỹ Bình.'],
    ['2025-Q4 is outside the life of unit "my-binh"', 'Phường Mỹ Bình không tồn tại trong kỳ Cả năm 2025 (đơn vị đã sáp nhập hoặc chưa thành lập).'],
  ])('%s', (message, expected) => {
    expect(say(message)).toBe(expected);
  });

  it('falls back to the unit’s id when its name is not known', () => {
    expect(apiIssueMessage({ path: 'unitId', message: 'this token may not write unit "x-1"' })).toBe('Mã truy cập này không được nhập số liệu cho x-1.');
  });
});
