/**
 * The editor's token, kept for this browser tab only (sessionStorage, never localStorage):
 * closing the tab signs out. With it, the units the token is limited to, as the session check
 * at sign-in named them (null: every unit). `rejected` is set when a write answers 401, so the
 * sign-in form comes back without unmounting what the editor was typing.
 */
import { create } from 'zustand';

const KEY = 'kpi-editor-token';
const UNITS_KEY = 'kpi-editor-units';

function read(key: string): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(key);
  } catch {
    return null; // storage disabled: a sign-in lasts until the page is left
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // storage disabled; the token stays in memory only
  }
}

function readUnits(): string[] | null {
  try {
    const parsed: unknown = JSON.parse(read(UNITS_KEY) ?? 'null');
    return Array.isArray(parsed) && parsed.every((u) => typeof u === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

interface EditorSession {
  token: string | null;
  /** The only units the token may write; null: every unit. */
  units: string[] | null;
  rejected: boolean;
  signIn: (token: string, units?: readonly string[]) => void;
  signOut: () => void;
  /** The server refused the token (401): ask for it again, keep everything else. */
  reject: () => void;
}

export const useEditorSession = create<EditorSession>()((set) => ({
  token: read(KEY),
  units: read(KEY) === null ? null : readUnits(),
  rejected: false,
  signIn: (token, units) => {
    write(KEY, token);
    write(UNITS_KEY, units ? JSON.stringify(units) : null);
    set({ token, units: units ? [...units] : null, rejected: false });
  },
  signOut: () => {
    write(KEY, null);
    write(UNITS_KEY, null);
    set({ token: null, units: null, rejected: false });
  },
  reject: () => set({ rejected: true }),
}));
