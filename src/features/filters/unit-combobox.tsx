/**
 * The unit picker's search and list: the ARIA combobox pattern with a multi-select listbox
 * (downshift's useCombobox: aria-activedescendant, arrows, Home/End, PageUp/PageDown, Esc).
 * Enter or a click (a tap, a screen reader's double tap) chooses a unit or leaves it, and makes
 * it the active one; Shift+Enter chooses it alone; Ctrl+Enter marks it as one of the person's
 * own units. The same two actions are real buttons for everyone in the bar under the list
 * (picker-actions.tsx), acting on the active unit and naming it: a listbox may hold only options,
 * so they cannot sit in its rows for assistive technology (the rows' star and "Chỉ chọn" are
 * the pointer's: picker-row.tsx). Tab from the search box reaches the bar with the list open.
 */
import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { useId, useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { readMyUnits, toggleMyUnit, useMyUnits } from './my-units';
import { PickerActions } from './picker-actions';
import { pickerList, type PickerOption, type Register } from './picker-model';
import { PickerRow } from './picker-row';
import { useFilters } from './store';

const T = useCombobox.stateChangeTypes;

/**
 * Keeps the list open and the query as typed when a unit is chosen (a clicked one becomes the
 * active one, for the actions bar); never chooses on blur. The choice is the store's (the
 * selectedItem prop stays null): when downshift brings its own back to that null, at its next
 * change, the query stays as typed instead of being emptied.
 */
function stateReducer(state: UseComboboxState<PickerOption>, { type, changes, index }: UseComboboxStateChangeOptions<PickerOption> & { index?: number }) {
  switch (type) {
    case T.InputKeyDownEnter:
      return { ...changes, isOpen: true, highlightedIndex: state.highlightedIndex, inputValue: state.inputValue };
    case T.ItemClick:
      return { ...changes, isOpen: true, highlightedIndex: index ?? state.highlightedIndex, inputValue: state.inputValue };
    case T.ControlledPropUpdatedSelectedItem:
      return { ...changes, inputValue: state.inputValue };
    case T.InputBlur:
      return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
    default:
      return changes;
  }
}

interface Props {
  register: Register;
  /** In the phone's sheet: the list is always shown, Esc and "Chỉ chọn" close the sheet. */
  inSheet?: boolean;
  /** The picker is done (the sheet closes). */
  onDone?: () => void;
  inputId?: string;
}

export function UnitCombobox({ register, inSheet = false, onDone, inputId }: Props) {
  const selected = useFilters((s) => s.units);
  const toggleUnit = useFilters((s) => s.toggleUnit);
  const onlyUnit = useFilters((s) => s.onlyUnit);
  const myUnits = useMyUnits();
  const [query, setQuery] = useState('');
  const [said, setSaid] = useState('');
  const keysId = useId();
  const groupId = useId();
  const popoverId = useId();
  // the unit the actions bar acts on when none is highlighted (the pointer left the list)
  const [lastActive, setLastActive] = useState<string>();

  const list = useMemo(() => pickerList(register, query, { myUnits }), [register, query, myUnits]);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const mine = useMemo(() => new Set(myUnits), [myUnits]);

  const toggle = (o: PickerOption) => {
    const leaving = chosen.has(o.unit.id);
    toggleUnit(o.unit.id);
    const count = useFilters.getState().units.length;
    setSaid(`${leaving ? 'Đã bỏ chọn' : 'Đã chọn'} ${o.label}; ${count} đơn vị đã chọn.`);
  };
  // only and star read nothing of this render: a memoised row may keep the ones of an earlier one
  const only = (o: PickerOption) => {
    onlyUnit(o.unit.id);
    setSaid(`Chỉ chọn ${o.label}.`);
    closeMenu();
    onDone?.();
  };
  const star = (o: PickerOption) => {
    const was = readMyUnits().includes(o.unit.id);
    toggleMyUnit(o.unit.id);
    setSaid(`${was ? 'Đã bỏ đánh dấu' : 'Đã đánh dấu'} ${o.label} là đơn vị của tôi.`);
  };

  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps, closeMenu } = useCombobox<PickerOption>({
    items: list.options,
    itemToString: (o) => o?.label ?? '',
    itemToKey: (o) => o?.key,
    // the input's text is downshift's (a controlled value would lose fast keystrokes); the query follows it
    selectedItem: null,
    defaultHighlightedIndex: 0,
    inputId,
    ...(inSheet ? { isOpen: true } : {}),
    stateReducer,
    onInputValueChange: ({ inputValue }) => setQuery(inputValue ?? ''),
    onStateChange: ({ type, selectedItem }) => {
      if ((type === T.InputKeyDownEnter || type === T.ItemClick) && selectedItem) toggle(selectedItem);
    },
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const skipDownshift = () => {
      e.preventDefault();
      (e.nativeEvent as KeyboardEvent['nativeEvent'] & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
    };
    const active = isOpen ? list.options[highlightedIndex] : undefined;
    if (e.key === 'Enter' && active && (e.shiftKey || e.ctrlKey || e.metaKey)) {
      skipDownshift();
      if (e.shiftKey) only(active);
      else star(active);
    } else if (e.key === 'Escape' && inSheet) {
      skipDownshift();
      onDone?.();
    }
  };
  // Tab to the actions bar keeps the list open (downshift would close it on the box's blur)
  const within = (e: FocusEvent) => e.relatedTarget instanceof Node && Boolean(document.getElementById(popoverId)?.contains(e.relatedTarget));
  const onBlur = (e: FocusEvent<HTMLInputElement>) => {
    if (within(e)) (e.nativeEvent as FocusEvent['nativeEvent'] & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
  };
  // leaving the bar for elsewhere on the page closes the list
  const onPopoverBlur = (e: FocusEvent<HTMLDivElement>) => {
    const to = e.relatedTarget;
    if (!inSheet && !within(e) && to !== document.getElementById(input.id)) closeMenu();
  };

  const highlighted = list.options[highlightedIndex];
  // kept while none is highlighted (set during render, as React advises for state that follows state)
  if (highlighted && highlighted.key !== lastActive) setLastActive(highlighted.key);
  const active = highlighted ?? list.options.find((o) => o.key === lastActive) ?? list.options[0];
  const input = getInputProps({ onKeyDown, onBlur, onChange: (e) => setQuery(e.currentTarget.value), 'aria-describedby': keysId });
  // the popover takes downshift's menu props (its ref: a touch in it is not a touch outside);
  // the listbox inside it takes the role and the id the search box controls
  const { id: listboxId, role: listboxRole, 'aria-labelledby': listboxLabel, ...menu } = getMenuProps();

  let index = 0;
  const shownCount = list.options.length;
  const summary =
    query.trim() === ''
      ? `${register.units.length} đơn vị; gõ tên hoặc mã để tìm.`
      : shownCount === 0
        ? `Không tìm thấy đơn vị nào khớp “${query.trim()}”.`
        : `${list.matched} đơn vị khớp “${query.trim()}”.`;

  return (
    <div className={`unit-combobox${inSheet ? ' in-sheet' : ''}`}>
      <label className="picker-label" {...getLabelProps()}>
        Tìm phường, xã theo tên hoặc mã
      </label>
      <input
        className="picker-input"
        type="text"
        placeholder="Ví dụ: Mỹ Thới hoặc 30301"
        enterKeyHint="done"
        spellCheck={false}
        autoFocus={inSheet}
        {...input}
      />
      <div className="picker-popover" data-open={isOpen || undefined} {...menu} id={popoverId} onBlur={onPopoverBlur}>
        <div className="picker-listbox" id={listboxId} role={listboxRole} aria-labelledby={listboxLabel} aria-multiselectable>
          {isOpen &&
            list.groups.map((group, g) => (
              <div key={group.key} role="group" aria-labelledby={`${groupId}-${g}`} className="picker-group">
                <div role="presentation" id={`${groupId}-${g}`} className="picker-group-label">
                  {group.label}
                </div>
                {group.options.map((option) => {
                  const i = index++;
                  return (
                    <PickerRow
                      key={option.key}
                      option={option}
                      index={i}
                      active={i === highlightedIndex}
                      chosen={chosen.has(option.unit.id)}
                      mine={mine.has(option.unit.id)}
                      getItemProps={getItemProps}
                      onStar={star}
                      onOnly={only}
                    />
                  );
                })}
              </div>
            ))}
        </div>
        {isOpen && active && (
          <PickerActions
            option={active}
            mine={mine.has(active.unit.id)}
            onStar={star}
            onOnly={only}
            onEscape={() => {
              document.getElementById(input.id)?.focus();
              if (inSheet) onDone?.();
              else closeMenu();
            }}
          />
        )}
        <p className="picker-more" role="status">
          {isOpen && summary}
          {isOpen && list.hidden > 0 && ` Đang hiện ${shownCount}: gõ thêm để thu hẹp.`}
        </p>
        <p id={keysId} className="picker-keys">
          Mũi tên lên, xuống để di chuyển; Enter: chọn hoặc bỏ chọn; Shift+Enter: chỉ chọn đơn vị này; Ctrl+Enter: đánh dấu
          đơn vị của tôi (hoặc Tab tới các nút dưới danh sách); Esc: đóng.
        </p>
      </div>
      <p className="picker-sr" role="status" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
