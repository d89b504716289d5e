/**
 * The actions bar under the picker's list: what the rows' star and "Chỉ chọn" do, as real
 * buttons for everyone (a screen reader's swipe, Tab, a touch), acting on the active unit (the
 * highlighted one, or the last one clicked or tapped) and naming it. "Đơn vị của tôi" is a
 * toggle (aria-pressed); "Chỉ chọn đơn vị này" chooses that unit alone. Esc goes back to the
 * search box.
 */
import { useId } from 'react';
import type { PickerOption } from './picker-model';

interface Props {
  option: PickerOption;
  mine: boolean;
  onStar: (option: PickerOption) => void;
  onOnly: (option: PickerOption) => void;
  onEscape: () => void;
}

export function PickerActions({ option, mine, onStar, onOnly, onEscape }: Props) {
  const nameId = useId();
  return (
    <div
      className="picker-actions-bar"
      role="group"
      aria-label={`Thao tác với ${option.label}`}
      // a click here keeps the focus where it is (in the search box while the list is open)
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onEscape();
        }
      }}
    >
      <span className="picker-actions-name" id={nameId}>
        {option.label}
      </span>
      <button type="button" className="picker-action" aria-pressed={mine} aria-describedby={nameId} onClick={() => onStar(option)}>
        <span aria-hidden="true">{mine ? '★' : '☆'}</span> Đơn vị của tôi
      </button>
      <button type="button" className="picker-action" aria-describedby={nameId} onClick={() => onOnly(option)}>
        Chỉ chọn đơn vị này
      </button>
    </div>
  );
}
