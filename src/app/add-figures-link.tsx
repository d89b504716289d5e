/**
 * For a signed-in editor, beside a unit that has no figures: a link to the editor's page with
 * that unit chosen (`/nhap-so-lieu?unit=ID`), or under a unit's resolution targets (or the
 * line saying it has none), to its "Nghị quyết" tab (`/nhap-so-lieu?unit=ID&tab=nghi-quyet`). Only for a unit the editor's token
 * may write (a token limited to units names them at sign-in). The app builds it: the panel
 * feature does not import the editor's.
 */
import type { ReactNode } from 'react';
import { useEditorSession } from '../features/editor/token-store';
import { editorHref, onLinkClick } from '../features/editor/navigation';

type What = 'figures' | 'resolution';

export function addFiguresHref(unitId: string, what: What = 'figures'): string {
  return editorHref({ unit: unitId, tab: what === 'resolution' ? 'resolutions' : 'figures' });
}

function AddFiguresLink({ unitId, name, what }: { unitId: string; name: string; what: What }) {
  const href = addFiguresHref(unitId, what);
  return (
    <a className="add-figures-link" href={href} onClick={onLinkClick(href)}>
      {what === 'resolution' ? `Nhập, sửa nghị quyết của ${name}` : `Nhập số liệu cho ${name}`}
    </a>
  );
}

/** The panels' `renderAddFigures`: undefined when nobody is signed in as an editor. */
export function useAddFigures(): ((unit: { unitId: string; name: string }, what?: What) => ReactNode) | undefined {
  const token = useEditorSession((s) => s.token);
  const units = useEditorSession((s) => s.units);
  if (!token) return undefined;
  return (unit, what = 'figures') => (units === null || units.includes(unit.unitId) ? <AddFiguresLink {...unit} what={what} /> : null);
}
