/**
 * The editor's token, kept for this browser tab only (sessionStorage, never localStorage):
 * closing the tab signs out. `rejected` is set when a write answers 401, so the sign-in form
 * comes back without unmounting what the editor was typing.
 */
import { create } from 'zustand';

const KEY = 'kpi-editor-token';

function readStored(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: a sign-in lasts until the page is left
  }
}

function store(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, token);
  } catch {
    // storage disabled; the token stays in memory only
  }
}

interface EditorSession {
  token: string | null;
  rejected: boolean;
  signIn: (token: string) => void;
  signOut: () => void;
  /** The server refused the token (401): ask for it again, keep everything else. */
  reject: () => void;
}

export const useEditorSession = create<EditorSession>()((set) => ({
  token: readStored(),
  rejected: false,
  signIn: (token) => {
    store(token);
    set({ token, rejected: false });
  },
  signOut: () => {
    store(null);
    set({ token: null, rejected: false });
  },
  reject: () => set({ rejected: true }),
}));
