import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * The import graph runs one way (README, "Where things live"):
 *   app (and main.tsx) → features → components → lib → api
 * each layer may skip those below it (a feature imports api directly), except that
 * components/ knows no domain (never api), and charts/ (in components) imports only charts/
 * and is the only folder that imports recharts. A feature never imports another feature: they
 * share through app (which composes them) or through components, lib and api. Beside the app:
 * data/ imports only src/api; mocks/ only src/api and data/; server/ only src/api, data/ and
 * itself. Tests may also import mocks/, data/, eval/ fixtures and tests/ helpers. No cycles.
 */

const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const OUTSIDE_THE_APP = ['./mocks', './server', './data', './tests', './scripts', './eval'];
const UI = ['./src/components', './src/features', './src/app', './src/main.tsx'];

/** Files in `target` may not import from `from` (paths from the repository's root). */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

/** The zones of src/; `outside` is what may not be imported from beyond src/ (a test may import mocks, data and fixtures). */
const appZones = (outside) =>
  [
    zone('./src/api', ['./src/lib', ...UI, ...outside], 'src/api imports nothing of ours but itself.'),
    zone('./src/lib', [...UI, ...outside], 'src/lib is pure code below the UI: it imports only lib and api.'),
    zone('./src/components', ['./src/features', './src/app', './src/main.tsx', './src/api', ...outside], 'components/ is UI that knows no domain, feature or app: it takes what it shows as props.'),
    zone('./src/components/charts', ['./src/components'], 'charts/ imports only charts/.', ['./charts']),
    zone('./src/features', ['./src/app', './src/main.tsx', ...outside], 'features never import app; only app composes features.'),
    ...FEATURES.map((name) =>
      zone(`./src/features/${name}`, './src/features', 'A feature never imports another: share through app, components, lib or api.', [`./${name}`]),
    ),
    zone('./src/app', outside, 'app/ composes src/ only.'),
  ].filter((z) => z.from.length > 0);

const besideTheApp = [
  zone('./data', ['./src/lib', ...UI, './mocks', './server', './tests', './scripts'], 'data/ imports only src/api.'),
  zone('./mocks', ['./src/lib', ...UI, './server', './tests', './scripts'], 'mocks/ imports only src/api, data/ and the write service (server/writes/, browser-safe).', ['./writes']),
  zone('./server', ['./src/lib', ...UI, './mocks', './tests', './scripts'], 'server/ imports only src/api, data/ and itself.'),
];

const paths = (zones) => ({ 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }] });

/** Packages a layer may not import (the zones above are about our files). */
const packages = (files, names, message, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: names, message }] }] },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/mockServiceWorker.js', 'test-results', '.data', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      // import-x reads TypeScript files with typescript-eslint's parser (without it, no-cycle sees no imports)
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
    },
  },
  { files: ['src/**/*.{ts,tsx}'], ignores: TESTS, rules: paths(appZones(OUTSIDE_THE_APP)) },
  { files: TESTS.map((t) => `src/${t}`), rules: paths(appZones(['./server', './scripts'])) },
  // main.tsx starts the dev server's msw worker (`npm run dev` only)
  { files: ['src/main.tsx'], rules: paths([zone('./src/main.tsx', ['./server', './data', './tests', './scripts'], 'main.tsx loads only the msw worker from beyond src/.')]) },
  { files: ['data/**/*.ts', 'mocks/**/*.ts', 'server/**/*.ts'], ignores: TESTS, rules: paths(besideTheApp) },
  packages(['src/lib/**'], ['react', 'react-dom', 'recharts', '@tanstack/*', 'zustand'], 'lib/ is pure code.'),
  packages(['src/api/**'], ['react', 'react-dom', 'recharts', 'zustand'], 'api/ is below the UI.'),
  packages(['src/**'], ['recharts'], 'Only src/components/charts/ imports recharts.', ['src/lib/**', 'src/api/**', 'src/components/charts/**']),
);
