/**
 * One row of the picker's list: the option (name, hint, a check when chosen) and, beside it
 * (not in it: an option holds no controls), the pointer's star and "Chỉ chọn", hidden from
 * assistive technology: a listbox holds only options, so the same actions are real buttons in
 * the bar under the list (picker-actions.tsx), and keys (the search box's description).
 *
 * Memoised: a keystroke that keeps a row at the same place with the same state does not render
 * it again. Its functions are left out of the comparison: getItemProps acts by `index` (compared)
 * on the combobox's current items, and onStar/onOnly read nothing of the render they came from.
 */
import type { UseComboboxPropGetters } from 'downshift';
import { memo } from 'react';
import type { PickerOption } from './picker-model';

interface RowProps {
  option: PickerOption;
  index: number;
  active: boolean;
  chosen: boolean;
  mine: boolean;
  getItemProps: UseComboboxPropGetters<PickerOption>['getItemProps'];
  onStar: (option: PickerOption) => void;
  onOnly: (option: PickerOption) => void;
}

/** What a screen reader says of an option: its name, whether it is the person's, its hint. */
export const optionName = (o: PickerOption, mine: boolean) => `${o.label}${mine ? ' (đơn vị của tôi)' : ''}${o.hint ? `, ${o.hint}` : ''}`;

function Row({ option, index, active, chosen, mine, getItemProps, onStar, onOnly }: RowProps) {
  const on = active || undefined;
  return (
    <div role="presentation" className="picker-row" data-active={on}>
      <div className="picker-option" data-active={on} {...getItemProps({ item: option, index, 'aria-selected': chosen, 'aria-label': optionName(option, mine) })}>
        <span className="picker-check" aria-hidden="true">
          {chosen ? '✓' : ''}
        </span>
        <span className="picker-text">
          <span className="picker-name">{option.label}</span>{' '}
          {option.hint && <span className="picker-hint">{option.hint}</span>}
        </span>
      </div>
      {/* mousedown kept from the input, so that the list stays open */}
      <span className="picker-actions" aria-hidden="true" onMouseDown={(e) => e.preventDefault()}>
        <span
          className="picker-star"
          data-on={mine || undefined}
          title={mine ? 'Bỏ đánh dấu đơn vị của tôi' : 'Đánh dấu là đơn vị của tôi'}
          onClick={() => onStar(option)}
        >
          {mine ? '★' : '☆'}
        </span>
        <span className="picker-only" title="Chỉ chọn đơn vị này" onClick={() => onOnly(option)}>
          Chỉ chọn
        </span>
      </span>
    </div>
  );
}

const same = (a: RowProps, b: RowProps) =>
  a.index === b.index &&
  a.active === b.active &&
  a.chosen === b.chosen &&
  a.mine === b.mine &&
  a.option.key === b.option.key &&
  a.option.label === b.option.label &&
  a.option.hint === b.option.hint &&
  a.option.unit === b.option.unit;

export const PickerRow = memo(Row, same);
