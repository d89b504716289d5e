#!/usr/bin/env node
// Prints a fresh random token for the API server and the line that grants it a role.
// Usage: npm run token -- editor   (or viewer)
import { createHash, randomBytes } from 'node:crypto';

const role = process.argv[2] ?? 'editor';
if (!['editor', 'viewer'].includes(role)) {
  console.error('Usage: npm run token -- editor|viewer');
  process.exit(2);
}
const token = randomBytes(32).toString('base64url');
// the token's id in the access log and the history: as tokenIdOf in server/auth/tokens.ts
const id = createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 8);
console.log(`New ${role} token (give it to the person; it is not stored anywhere):`);
console.log('');
console.log(token);
console.log('');
console.log(`Its id in the server's access log and history: ${id}`);
console.log('');
console.log('Add this line to the file named by KPI_TOKENS_FILE (one entry per line):');
console.log(`${role}:${token}`);
console.log('or append ",' + `${role}:${token}` + '" to KPI_TOKENS, then restart the server.');
