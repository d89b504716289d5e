/**
 * The unit the editor opens on: the one the address asks for (`/nhap-so-lieu?unit=ID`, the
 * dashboard's link beside a unit without figures) when the token may write it; otherwise the
 * default one, and why the asked one is not open.
 */
import { writableNames } from './write-errors';
import type { EditorData } from './use-editor-data';

export interface OpeningUnit {
  unitId: string;
  /** Why the asked unit is not the one open (Vietnamese); none when it is, or none was asked. */
  notice?: string;
}

export function openingUnit(data: Pick<EditorData, 'units' | 'writableUnits' | 'mayWrite' | 'defaultUnitId' | 'unitName'>, asked: string | null | undefined): OpeningUnit {
  const fallback = data.defaultUnitId;
  if (!asked) return { unitId: fallback };
  const opened = fallback ? ` Đang mở ${data.unitName(fallback)}.` : '';
  if (!data.units.some((u) => u.id === asked)) {
    return { unitId: fallback, notice: `Không có đơn vị có mã “${asked}” trong danh mục phường, xã.${opened}` };
  }
  if (!data.mayWrite(asked)) {
    return {
      unitId: fallback,
      notice:
        `Mã truy cập của bạn không được nhập số liệu, nghị quyết cho ${data.unitName(asked)}; ` +
        `mã này chỉ được nhập cho ${writableNames(data.writableUnits.map((u) => u.name))}.${opened}`,
    };
  }
  return { unitId: asked };
}
