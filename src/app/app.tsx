import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OfflineLayer } from '../features/offline/offline-layer';
import type { Offline } from '../features/offline/start-offline';
import { DashboardPage } from './dashboard-page';
import { EditorRoute, useEditorRoute } from './editor-route';
import { createQueryClient } from './query-client';

/**
 * `offline`: what mount.tsx started for the saved copies, the connection and the new versions;
 * `firstPanels`: how many panels the dashboard's first commit draws (dashboard-page.tsx; all by default).
 */
export function App({ queryClient, offline, firstPanels }: { queryClient?: QueryClient; offline?: Offline; firstPanels?: number }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const editor = useEditorRoute();
  return (
    <QueryClientProvider client={client}>
      <OfflineLayer offline={offline}>{editor ? <EditorRoute /> : <DashboardPage firstPanels={firstPanels} />}</OfflineLayer>
    </QueryClientProvider>
  );
}
