import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DashboardPage } from './dashboard-page';
import { EditorRoute, useEditorRoute } from './editor-route';
import { createQueryClient } from './query-client';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const editor = useEditorRoute();
  return <QueryClientProvider client={client}>{editor ? <EditorRoute /> : <DashboardPage />}</QueryClientProvider>;
}
