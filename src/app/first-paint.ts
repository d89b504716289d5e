/**
 * The first paint waits for what it would otherwise draw twice, at most FIRST_PAINT_WAIT_MS:
 * the answers already asked for (the register, then the view's figures: prefetch.ts) and the
 * web fonts (Be Vietnam Pro in the weights the page uses), so that it shows the page filled in,
 * in its own font, instead of loading states that the figures would then push down and text
 * that the font would then reflow (issue 17: desktop layout shift 0.214). The fonts are fetched
 * while the answers are awaited. A slow network still sees the loading states after that wait.
 */
import type { QueryClient } from '@tanstack/react-query';

export const FIRST_PAINT_WAIT_MS = 1000;
const FONT = 'Be Vietnam Pro';
const WEIGHTS = [400, 600, 700];
/** Letters of each subset the page's text uses (latin, latin-ext, vietnamese). */
const SAMPLE = 'Aa Đđ ăâ ơư ạế';

/**
 * Resolves when no query is fetching but `held()` of them (requests that are not to be answered
 * now: the server's first screen, first-screen.tsx), looked at a task after each change (an
 * answer's callbacks may ask for more).
 */
export function answered(client: QueryClient, held: () => number = () => 0): Promise<void> {
  return new Promise((resolve) => {
    const check = () =>
      setTimeout(() => {
        if (client.isFetching() > held()) return;
        unsubscribe();
        resolve();
      }, 0);
    const unsubscribe = client.getQueryCache().subscribe(check);
    check();
  });
}

function fonts(): Promise<unknown> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  return Promise.all(WEIGHTS.map((w) => document.fonts.load(`${w} 1em "${FONT}"`, SAMPLE))).catch(() => undefined);
}

/** `fonts`: false for a page whose first screen is painted already (the server's), in its fonts. */
export function firstPaintReady(client: QueryClient, { timeoutMs = FIRST_PAINT_WAIT_MS, fonts: waitForFonts = true } = {}): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  const ready = Promise.all([answered(client), waitForFonts ? fonts() : undefined]).then(() => undefined);
  return Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
}
