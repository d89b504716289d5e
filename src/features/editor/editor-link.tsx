/** The dashboard's way into the editor. */
import { EDITOR_PATH, onLinkClick } from './navigation';
import './editor.css';

export function EditorLink() {
  return (
    <a className="editor-link" href={EDITOR_PATH} onClick={onLinkClick(EDITOR_PATH)}>
      Nhập số liệu
    </a>
  );
}
