/**
 * Imported first by the contract (and by main.tsx), so it runs before any zod schema is built,
 * whichever chunk the bundler puts the contract in: zod 4 decides when it
 * builds an object schema whether to compile a parser with `new Function`, and probes for that
 * with a `new Function` of its own. The server's Content-Security-Policy (script-src 'self')
 * forbids both; the probe alone is reported as a violation (Lighthouse: best practices). Parsing
 * without the compiled parser gives the same results.
 *
 * The app uses zod/mini (no JSON-schema code or English messages in each schema class, for a
 * smaller first load). Classic zod loads the English messages by default and mini does not:
 * they are set here, as the API's issues and the editor's mapping of them (field-errors.ts)
 * rely on their wording ("Invalid input: expected string, received undefined").
 */
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config({ jitless: true, ...en() });
