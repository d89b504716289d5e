/** What a save of the import last said: an error as an alert, a success as a status. */
import type { ReviewMessage } from './import-review';

export function ReviewMessageView({ message }: { message: ReviewMessage | null }) {
  if (!message) return null;
  const error = message.kind === 'error';
  return (
    <div role={error ? 'alert' : 'status'} className={error ? 'form-error' : 'form-done'}>
      <p>{message.text}</p>
    </div>
  );
}
