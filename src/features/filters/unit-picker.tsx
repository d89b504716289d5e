/**
 * Choosing units among the register's ~400: on a laptop the search box with its list below it;
 * on a phone (≤ 600 px) a button that opens a full-height sheet (a modal dialog: the search box
 * at the top, the list filling the screen, "Xong"). The chosen units are chips in both.
 *
 * The search and its list (with downshift, about 16 kB gzip with our code) are a chunk of their
 * own, fetched as soon as the picker is first drawn (on a phone, once the figures are painted):
 * they are not needed to paint the figures, so they stay out of the first-load JavaScript.
 */
import { memo, Suspense, useEffect, useId, useRef, useState } from 'react';
import { preloadableLazy } from '../../components/preloadable-lazy';
import { useIsPhone, type Screen } from '../../components/use-phone';
import { afterFirstContentfulPaint } from '../../lib/after-first-paint';
import type { Register } from './picker-model';
import { useFilters } from './store';
import { UnitChips } from './unit-chips';
import './picker.css';

const combobox = preloadableLazy(() => import('./unit-combobox').then((m) => m.UnitCombobox));
const UnitCombobox = combobox.Component;
const loadCombobox = combobox.preload;

/** The code a first screen drawn for `screen` holds (a laptop's search box), for the page to load before it hydrates that screen. */
export function preloadPicker(screen: Screen): Promise<void> {
  return screen === 'laptop' ? loadCombobox() : Promise.resolve();
}

/** Where the search box will be, while its code arrives. */
function ComboboxLoading() {
  return (
    <div className="unit-combobox">
      <span className="picker-label">Tìm phường, xã theo tên hoặc mã</span>
      <span className="picker-input picker-input-loading">Đang tải ô tìm kiếm…</span>
    </div>
  );
}

function PhoneSheet({ register }: { register: Register }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const inputId = useId();
  const openerId = useId();
  const count = useFilters((s) => s.units.length);

  // fetched before it is opened, so that opening it does not wait, once the figures are painted
  useEffect(() => afterFirstContentfulPaint(() => void loadCombobox()), []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // the search box takes the focus: here if its code was (drawn with the sheet, before the
      // sheet was open, where autoFocus could not take it), else as it appears (autoFocus)
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
        {open && (
          <Suspense fallback={<ComboboxLoading />}>
            <UnitCombobox register={register} inSheet inputId={inputId} onDone={close} />
          </Suspense>
        )}
      </dialog>
    </>
  );
}

/** Drawn again only when the register changes (not with the period beside it in the filter bar); its parts follow the units chosen themselves. */
export const UnitPicker = memo(function UnitPicker({ register }: { register: Register }) {
  const phone = useIsPhone();
  const inputId = useId();
  if (phone) return <PhoneSheet register={register} />;
  return (
    <div className="unit-picker">
      <Suspense fallback={<ComboboxLoading />}>
        <UnitCombobox register={register} inputId={inputId} />
      </Suspense>
      <UnitChips register={register} fallbackFocusId={inputId} />
    </div>
  );
});
