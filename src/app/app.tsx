import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OfflineLayer } from '../features/offline/offline-layer';
import type { Offline } from '../features/offline/start-offline';
import { DashboardPage } from './dashboard-page';
import { EditorRoute, useEditorRoute } from './editor-route';
import { createQueryClient } from './query-client';

/** `offline`: what main.tsx started for the saved copies, the connection and the new versions. */
export function App({ queryClient, offline }: { queryClient?: QueryClient; offline?: Offline }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const editor = useEditorRoute();
  return (
    <QueryClientProvider client={client}>
      <OfflineLayer offline={offline}>{editor ? <EditorRoute /> : <DashboardPage />}</OfflineLayer>
    </QueryClientProvider>
  );
}
