/** Words of the editor's own forms; the names of the contract's choices are in lib/vocabulary.ts. */

/** The empty first choice of an optional select. */
export const NOT_STATED = '— Không ghi —';
