#!/usr/bin/env node
// Prints a fresh random token for the API server and the line that grants it a role.
// Usage: npm run token -- editor                    (or viewer)
//        npm run token -- editor my-thoi my-quy     an editor who may write only these units
import { createHash, randomBytes } from 'node:crypto';

const [role = 'editor', ...rest] = process.argv.slice(2);
const units = rest.flatMap((u) => u.split(',')).map((u) => u.trim()).filter(Boolean);
const usage = 'Usage: npm run token -- editor|viewer, or npm run token -- editor UNIT_ID [UNIT_ID...] (ids of GET /api/units)';
if (!['editor', 'viewer'].includes(role) || (units.length > 0 && role !== 'editor')) {
  console.error(usage);
  process.exit(2);
}
// as server/auth/tokens.ts reads unit ids
const bad = units.find((u) => !/^[a-z0-9][a-z0-9_-]{0,79}$/.test(u));
if (bad !== undefined) {
  console.error(`"${bad}" is not a unit id (lower-case letters, digits, - or _). ${usage}`);
  process.exit(2);
}
const token = randomBytes(32).toString('base64url');
// the token's id in the access log and the history: as tokenIdOf in server/auth/tokens.ts
const id = createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 8);
const line = units.length > 0 ? `${role}:${token}:${units.join(',')}` : `${role}:${token}`;
const who = units.length > 0 ? `${role} token limited to ${units.join(', ')}` : `${role} token`;
console.log(`New ${who} (give it to the person; it is not stored anywhere):`);
console.log('');
console.log(token);
console.log('');
console.log(`Its id in the server's access log and history: ${id}`);
console.log('');
console.log('Add this line to the file named by KPI_TOKENS_FILE (one entry per line):');
console.log(line);
console.log(`or append ",${line}" to KPI_TOKENS, then restart the server.`);
if (units.length > 0) console.log('The server refuses to start if one of these units is not in its database.');
