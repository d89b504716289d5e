/** Sign-in with an editor's token: checked against the server before it is kept. */
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { userMessageOf } from '../../api/client';
import { checkEditorToken } from '../../api/mutations';
import { useEditorSession } from './token-store';

const MESSAGES = {
  invalid: 'Mã truy cập không đúng hoặc đã bị thu hồi. Hãy kiểm tra lại mã được cấp.',
  viewer: 'Mã này chỉ có quyền xem số liệu, không thể nhập hay sửa. Hãy dùng mã của người nhập liệu.',
} as const;

export function SignIn({ again = false }: { again?: boolean }) {
  const signIn = useEditorSession((s) => s.signIn);
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const inputId = useId();
  const check = useMutation({
    mutationFn: (t: string) => checkEditorToken(t),
    onSuccess: (granted, t) => {
      if (granted === 'invalid') setMessage(MESSAGES.invalid);
      else if (granted.role === 'viewer') setMessage(MESSAGES.viewer);
      else {
        setToken('');
        setMessage(null);
        signIn(t, granted.units);
      }
    },
    onError: (error) => setMessage(userMessageOf(error)),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = token.trim();
    if (!t) {
      setMessage('Hãy dán mã truy cập vào ô.');
      return;
    }
    check.mutate(t);
  };

  return (
    <section className="editor-card sign-in" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{again ? 'Đăng nhập lại' : 'Đăng nhập để nhập số liệu'}</h2>
      <p className="editor-hint">
        {again
          ? 'Máy chủ không còn nhận mã truy cập này. Dán mã mới để tiếp tục; những gì bạn đã nhập vẫn được giữ.'
          : 'Dán mã truy cập của người nhập liệu (do quản trị viên cấp). Mã chỉ được giữ trong thẻ trình duyệt này.'}
      </p>
      <form onSubmit={submit} className="sign-in-form">
        <label htmlFor={inputId}>Mã truy cập</label>
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${inputId}-msg` : undefined}
        />
        <button type="submit" className="primary" disabled={check.isPending}>
          {check.isPending ? 'Đang kiểm tra…' : 'Đăng nhập'}
        </button>
      </form>
      {message && (
        <p id={`${inputId}-msg`} role="alert" className="field-error">
          {message}
        </p>
      )}
    </section>
  );
}
