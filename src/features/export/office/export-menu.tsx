/**
 * A menu button (WAI-ARIA APG "menu button") of more export formats: the button opens a list of
 * items; arrows, Home and End move among them, Escape closes it and returns to the button, a
 * click elsewhere or Tab closes it. While a file is made the button is disabled, and after
 * PROGRESS_AFTER_MS it says what it is making. On a phone the list opens in the flow, full width.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ExportedFile } from '../export-panel';
import type { ExportTask } from './use-export-task';

export interface ExportMenuItem {
  key: string;
  label: string;
  title: string;
  /** What it makes, in "Đang tạo …" ("PowerPoint"). */
  what: string;
  make: () => Promise<ExportedFile>;
  /** Said when it fails ("Không xuất được tệp PowerPoint cho “Thu ngân sách”."). */
  failure: string;
}

export function ExportMenu({ label, title, items, task }: { label: string; title: string; items: readonly ExportMenuItem[]; task: ExportTask }) {
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState(0);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (open) itemRefs.current[focus]?.focus();
  }, [open, focus]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const openAt = (index: number) => {
    setFocus(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  function onButtonKey(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      openAt(0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(items.length - 1);
    }
  }

  function onMenuKey(e: KeyboardEvent<HTMLUListElement>) {
    const last = items.length - 1;
    const moves: Record<string, number> = { ArrowDown: focus === last ? 0 : focus + 1, ArrowUp: focus === 0 ? last : focus - 1, Home: 0, End: last };
    if (e.key in moves) {
      e.preventDefault();
      setFocus(moves[e.key]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  }

  function choose(item: ExportMenuItem) {
    close(true);
    void task.run(item.what, item.make, item.failure);
  }

  const busy = task.busy !== null;
  return (
    <div className="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="export-button export-menu-button"
        title={title}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        {busy && task.slow ? (
          <>
            <span className="spinner" aria-hidden="true" />
            Đang tạo {task.busy}…
          </>
        ) : (
          <>
            {label} <span aria-hidden="true">▾</span>
          </>
        )}
      </button>
      {open && (
        <ul className="export-menu-list" role="menu" id={menuId} aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <li key={item.key} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                title={item.title}
                onClick={() => choose(item)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
