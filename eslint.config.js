import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Imports run one way: lib and components never import features; only app composes features. */
const zone = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/mockServiceWorker.js', 'test-results', '.data', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  zone(['src/lib/**'], ['**/features/**', '**/app/**', '**/components/**', 'react', 'recharts'], 'lib/ is pure code.'),
  zone(['src/api/**'], ['**/features/**', '**/app/**', '**/components/**', 'recharts'], 'api/ is below the UI.'),
  { ...zone(['src/components/**'], ['**/features/**', '**/app/**', 'recharts'], 'components/ never import features; only charts/ imports recharts.'), ignores: ['src/components/charts/**'] },
  zone(['src/components/charts/**'], ['**/features/**', '**/app/**'], 'components/ never import features or app.'),
  zone(['src/features/**'], ['**/app/**', 'recharts'], 'features never import app; only components/charts/ imports recharts.'),
  zone(['src/app/**'], ['recharts'], 'Only components/charts/ imports recharts.'),
);
