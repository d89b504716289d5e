/**
 * npm run backup -- FILE: a consistent copy of the database in $DATA_DIR (default ./.data), taken
 * while the server runs; it refuses to overwrite FILE. Restoring is in server/README.md.
 */
import { join, resolve } from 'node:path';
import { backupDatabase } from '../server/storage/backup';
import { DatabaseRefused } from '../server/storage/errors';
import { DATABASE_FILE } from '../server/storage/open';

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error('usage: npm run backup -- FILE   (a new file; DATA_DIR says which database, default ./.data)');
  process.exit(2);
}
const database = join(resolve(process.env.DATA_DIR || '.data'), DATABASE_FILE);
try {
  const result = backupDatabase(database, target);
  console.log(
    `[backup] ${result.file}: ${result.observations} figures, ${result.sources} sources, ` +
      `${Math.round(result.bytes / 1024)} kB, a consistent copy of ${database}`,
  );
} catch (err) {
  console.error(`[backup] no backup made: ${err instanceof DatabaseRefused ? err.message : String(err)}`);
  process.exit(1);
}
