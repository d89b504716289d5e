/**
 * observationOrder (period, then unit, indicator and id by localeCompare) in SQL. Ids match
 * the contract's Id ([a-z0-9][a-z0-9_-]*); over that alphabet the locale order is the byte
 * order once "_" and "-" sort before the digits, in that order: "_" -> "!", "-" -> '"'.
 * tests/server/order.test.ts checks this against observationOrder on random ids.
 * Migration 5 indexes exactly these expressions: changing them needs a new migration.
 */
export const localeKey = (column: string) => `replace(replace(${column}, '_', '!'), '-', '"')`;

export const OBSERVATION_ORDER = `period, ${localeKey('unit_id')}, ${localeKey('indicator_id')}, ${localeKey('id')}`;

/**
 * The same order as one text: the four keys joined by char(1), which sorts before every
 * character of a key, so that comparing the texts compares the keys one after another.
 */
export const OBSERVATION_ORDER_TEXT = `period || char(1) || ${localeKey('unit_id')} || char(1) || ${localeKey('indicator_id')} || char(1) || ${localeKey('id')}`;
