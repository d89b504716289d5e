/**
 * Choosing units among the register's ~400: on a laptop the search box with its list below it;
 * on a phone (≤ 600 px) a button that opens a full-height sheet (a modal dialog: the search box
 * at the top, the list filling the screen, "Xong"). The chosen units are chips in both.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Register } from './picker-model';
import { useFilters } from './store';
import { UnitChips } from './unit-chips';
import { UnitCombobox } from './unit-combobox';
import { useIsPhone } from './use-phone';
import './picker.css';

function PhoneSheet({ register }: { register: Register }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const inputId = useId();
  const openerId = useId();
  const count = useFilters((s) => s.units.length);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      document.getElementById(inputId)?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open, inputId]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <>
      <button type="button" className="picker-open" aria-haspopup="dialog" id={openerId} ref={opener} onClick={() => setOpen(true)}>
        Tìm, chọn phường, xã…
      </button>
      <UnitChips register={register} fallbackFocusId={openerId} />
      <dialog
        ref={dialog}
        className="picker-sheet"
        aria-labelledby={titleId}
        onCancel={(e) => {
          e.preventDefault();
          close();
        }}
      >
        <div className="picker-sheet-head">
          <h2 id={titleId}>Chọn phường, xã</h2>
          <span className="picker-sheet-count">{count} đã chọn</span>
          <button type="button" className="picker-done" onClick={close}>
            Xong
          </button>
        </div>
        {open && <UnitCombobox register={register} inSheet inputId={inputId} onDone={close} />}
      </dialog>
    </>
  );
}

export function UnitPicker({ register }: { register: Register }) {
  const phone = useIsPhone();
  const inputId = useId();
  if (phone) return <PhoneSheet register={register} />;
  return (
    <div className="unit-picker">
      <UnitCombobox register={register} inputId={inputId} />
      <UnitChips register={register} fallbackFocusId={inputId} />
    </div>
  );
}
