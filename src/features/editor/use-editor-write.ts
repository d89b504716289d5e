/**
 * Every write of the editor goes through here: it is sent with the signed-in editor's token,
 * what it changed is invalidated afterwards through the query-key factory (so the dashboard
 * shows it at once), and a refused token (401) brings the sign-in form back without dropping
 * what was typed. Callers say what to write and what it changes, and turn failures into words
 * (write-errors.ts).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys, resolutionKeys } from '../../api/queries';
import { useEditorSession } from './token-store';
import { isTokenRefused } from './write-errors';

/** What a write can change, by its key in the query-key factory. */
const CHANGED_KEYS = { observations: queryKeys.observations, sources: queryKeys.sources, resolutions: resolutionKeys.all };
export type Changed = keyof typeof CHANGED_KEYS;

export interface EditorWrite<TVars, TResult> {
  /** Sends the write with the token (none signed in: fails without sending). */
  write: (vars: TVars, token: string) => Promise<TResult>;
  /** Invalidated once the write succeeded. */
  changes: readonly Changed[];
  onSuccess?: (result: TResult, vars: TVars) => void;
  onError?: (error: unknown, vars: TVars) => void;
}

export function useEditorWrite<TVars, TResult>({ write, changes, onSuccess, onError }: EditorWrite<TVars, TResult>) {
  const queryClient = useQueryClient();
  const token = useEditorSession((s) => s.token);
  const reject = useEditorSession((s) => s.reject);
  /** Invalidates what changed (by default, what this write changes): after a write, or when a conflict shows the data is stale. */
  const refresh = (which: readonly Changed[] = changes) => {
    for (const key of which) void queryClient.invalidateQueries({ queryKey: CHANGED_KEYS[key] });
  };
  const mutation = useMutation({
    mutationFn: async (vars: TVars): Promise<TResult> => {
      if (!token) throw new Error('not signed in');
      return write(vars, token);
    },
    onSuccess: (result, vars) => {
      refresh();
      onSuccess?.(result, vars);
    },
    onError: (error, vars) => {
      if (isTokenRefused(error)) reject();
      onError?.(error, vars);
    },
  });
  /** `sendAsync` resolves with the result or rejects with the failure (after onSuccess / onError), for writes made one after another. */
  return { send: mutation.mutate, sendAsync: mutation.mutateAsync, isPending: mutation.isPending, refresh };
}
