/** Renders the whole app at a URL, as a person opening a link would. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onTestFinished } from 'vitest';
import { App } from '../src/app/app';
import { createQueryClient } from '../src/app/query-client';
import { startApp } from '../src/app/start';

export function renderAt(url = '/') {
  window.history.replaceState(null, '', url);
  // as src/app/mount.tsx does before the first render; stopped when the test ends
  onTestFinished(startApp());
  const user = userEvent.setup();
  const result = render(<App queryClient={createQueryClient({ retry: false })} />);
  return { user, ...result };
}

export function currentSearch(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}
