/**
 * For a signed-in editor, beside a unit that has no figures: a link to the editor's page with
 * that unit chosen (`/nhap-so-lieu?unit=ID`). Only for a unit the editor's token may write (a
 * token limited to units names them at sign-in). The app builds it: the panel feature does not
 * import the editor's.
 */
import type { ReactNode } from 'react';
import { useEditorSession } from '../features/editor/token-store';
import { EDITOR_PATH, onLinkClick } from '../features/editor/navigation';

export function addFiguresHref(unitId: string): string {
  return `${EDITOR_PATH}?${new URLSearchParams({ unit: unitId }).toString()}`;
}

function AddFiguresLink({ unitId, name }: { unitId: string; name: string }) {
  const href = addFiguresHref(unitId);
  return (
    <a className="add-figures-link" href={href} onClick={onLinkClick(href)}>
      Nhập số liệu cho {name}
    </a>
  );
}

/** The panels' `renderAddFigures`: undefined when nobody is signed in as an editor. */
export function useAddFigures(): ((unit: { unitId: string; name: string }) => ReactNode) | undefined {
  const token = useEditorSession((s) => s.token);
  const units = useEditorSession((s) => s.units);
  if (!token) return undefined;
  return (unit) => (units === null || units.includes(unit.unitId) ? <AddFiguresLink {...unit} /> : null);
}
