/**
 * Imported first by the contract (and by main.tsx), so it runs before any zod schema is built,
 * whichever chunk the bundler puts the contract in: zod 4 decides when it
 * builds an object schema whether to compile a parser with `new Function`, and probes for that
 * with a `new Function` of its own. The server's Content-Security-Policy (script-src 'self')
 * forbids both; the probe alone is reported as a violation (Lighthouse: best practices). Parsing
 * without the compiled parser gives the same results.
 */
import { z } from 'zod';

z.config({ jitless: true });
