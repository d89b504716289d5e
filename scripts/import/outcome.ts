/** What `--save` did with one file: stored (how much, under which source) or not, and why. */

export interface LeftOut {
  /** The candidate's position in the file's list (from 1, as printed). */
  candidate: number;
  reason: string;
}

export type SaveOutcome =
  | {
      stored: true;
      sourceId: string;
      /** The same report was stored before: its source is reused. */
      sourceReused: boolean;
      /** Figures written now. */
      figures: number;
      /** Candidates equal to a stored figure ("đã có"), not written again. */
      alreadyStored: number;
      leftOut: LeftOut[];
    }
  | {
      stored: false;
      /**
       * false: skipped, the file waits for a person (no unit, period or held date read, nothing
       * new to store); true: refused, the rules, a stored figure or the server stopped it.
       */
      refused: boolean;
      reason: string;
      leftOut: LeftOut[];
    };
