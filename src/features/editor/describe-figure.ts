/** A figure's fields in words, for lists and the comparison of two versions. */
import type { Indicator, ObservationFields, Source } from '../../api/contract';
import { formatDate, formatQualified } from '../../lib/format';
import { periodLabel } from '../../lib/period-names';
import { BASIS_CHOICES, QUALIFIER_CHOICES, SCOPE_CHOICES, STATUS_CHOICES } from '../../lib/vocabulary';

export interface Lookups {
  unitName: (id: string) => string;
  indicatorOf: (id: string) => Indicator | undefined;
  sourceOf: (id: string) => Source | undefined;
}

export const FIELD_LABELS: Record<keyof ObservationFields, string> = {
  unitId: 'Phường, xã',
  indicatorId: 'Chỉ tiêu',
  period: 'Kỳ báo cáo',
  value: 'Giá trị',
  outOf: 'Trên tổng số',
  qualifier: 'Mức độ',
  basis: 'So với',
  asOf: 'Tính đến ngày',
  scope: 'Phạm vi',
  status: 'Tình trạng',
  sourceId: 'Nguồn',
  note: 'Ghi chú',
};

/** "trên 12 tỷ đồng", "10/11 chỉ tiêu", "88,44%". */
export function figureText(o: Pick<ObservationFields, 'indicatorId' | 'value' | 'outOf' | 'qualifier'>, l: Pick<Lookups, 'indicatorOf'>): string {
  const indicator = l.indicatorOf(o.indicatorId);
  return indicator ? formatQualified(o.value, indicator.unit, o.qualifier, o.outOf) : String(o.value);
}

export function sourceText(id: string, l: Pick<Lookups, 'sourceOf'>): string {
  const s = l.sourceOf(id);
  return s ? `${s.title} (${formatDate(s.heldOn)})` : id;
}

export function fieldText(field: keyof ObservationFields, o: ObservationFields, l: Lookups): string {
  switch (field) {
    case 'unitId':
      return l.unitName(o.unitId);
    case 'indicatorId':
      return l.indicatorOf(o.indicatorId)?.name ?? o.indicatorId;
    case 'period':
      return periodLabel(o.period);
    case 'value':
      return figureText(o, l);
    case 'outOf':
      return o.outOf === undefined ? '—' : figureText({ ...o, value: o.outOf, outOf: undefined, qualifier: 'exact' }, l);
    case 'qualifier':
      return QUALIFIER_CHOICES[o.qualifier];
    case 'basis':
      return o.basis ? BASIS_CHOICES[o.basis] : '—';
    case 'asOf':
      return o.asOf ? formatDate(o.asOf) : '—';
    case 'scope':
      return o.scope ? SCOPE_CHOICES[o.scope] : '—';
    case 'status':
      return o.status ? STATUS_CHOICES[o.status] : '—';
    case 'sourceId':
      return sourceText(o.sourceId, l);
    case 'note':
      return o.note || '—';
  }
}
