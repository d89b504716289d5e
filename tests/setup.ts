import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/node';

// findBy… and waitFor wait up to 5 s: long page journeys run on shared 2-core machines.
configure({ asyncUtilTimeout: 5000 });

// A test that makes a request no handler knows fails.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
