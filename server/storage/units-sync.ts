/**
 * The stored units follow the register (data/register.ts): at every start an existing database
 * gets every unit of the register, as the register has it, in the register's order. Units are
 * never written through the API, so the register is their one source. A stored unit the register
 * does not know (a figure or a source may name it) is kept as it was, after the register's; no
 * row of units is deleted, and nothing but the units table (and the revision) is touched, so
 * every figure and source stays on its unit.
 */
import { Unit } from '../../src/api/contract';
import { bytesOf } from './rows';
import { inTransaction, type Db } from './sqlite-db';

const encoder = new TextEncoder();
/** Ids are compared as text; a damaged id matches no unit of the register and is kept as it is. */
const loose = new TextDecoder();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Brings the units table to `register` in one transaction; returns how many units were added or
 * changed (0: the table already was the register, and nothing was written).
 */
export function syncUnits(db: Db, register: readonly Unit[]): { added: number; changed: number } {
  const stored = (db.prepare('SELECT seq, CAST(id AS BLOB) AS id, CAST(json AS BLOB) AS json FROM units ORDER BY seq').all() as {
    seq: number;
    id: unknown;
    json: unknown;
  }[]).map((r) => ({ seq: r.seq, id: loose.decode(bytesOf(r.id, 'the id of a unit')), json: bytesOf(r.json, 'a unit') }));
  const wanted = register.map((u) => ({ id: u.id, json: JSON.stringify(Unit.parse(u)) }));
  const storedById = new Map(stored.map((r) => [r.id, r]));
  const registerIds = new Set(wanted.map((w) => w.id));
  const added = wanted.filter((w) => !storedById.has(w.id)).length;
  const changed = wanted.filter((w) => {
    const row = storedById.get(w.id);
    return row !== undefined && !sameBytes(row.json, encoder.encode(w.json));
  }).length;
  // the register's units first, in its order, then the others as they were
  const inOrder = stored.slice(0, wanted.length).every((r, i) => r.id === wanted[i]!.id);
  if (added === 0 && changed === 0 && inOrder) return { added, changed };

  inTransaction(db, () => {
    // seq only orders the list (nothing refers to it): free 1..n by moving every row below 0
    db.prepare('UPDATE units SET seq = -seq - 1').run();
    const upsert = db.prepare(`INSERT INTO units (seq, id, json) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, json = excluded.json`);
    wanted.forEach((w, i) => upsert.run(i + 1, w.id, w.json));
    const move = db.prepare('UPDATE units SET seq = ? WHERE seq = ?');
    let next = wanted.length + 1;
    for (const r of stored) {
      if (!registerIds.has(r.id)) move.run(next++, -r.seq - 1);
    }
    db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'").run();
  });
  return { added, changed };
}
