/**
 * The API's answers the server put into the first HTML (server/http/first-answers.ts: one
 * `<script type="application/json" data-api="PATH">` each, the body as GET PATH answered when
 * the page was sent). Each serves the page's first GET of that very path, as if the network had
 * answered it at once, and is then forgotten: every later request, a retry or a refetch, goes
 * to the server. The answer goes through the same checks as any other (status, contract), and
 * the offline copies keep it like any other.
 *
 * Only when the page itself came from the server now (fetched, or checked with it: a 304 is the
 * same bytes): a browser showing a stored copy of it again, going back to it for instance,
 * would otherwise show its figures as if fresh. Then the page asks for everything itself.
 */

/** The answer of a GET whose body came with the page: what the API answered (also the server's first screen's, first-screen.tsx). */
export function answerOf(body: string): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json; charset=UTF-8' } });
}

/** True when the document came over the network for this visit (not a copy from the browser's cache). */
export function documentFetchedNow(perf: Pick<Performance, 'getEntriesByType'> | undefined = globalThis.performance): boolean {
  const navigation = perf?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return (navigation?.transferSize ?? 0) > 0;
}

/**
 * Takes the answers out of the document and, if it came from the server now, answers fetch with
 * them. Returns how many it will serve.
 */
export function serveFirstAnswers({
  doc = document,
  scope = globalThis,
  fresh = documentFetchedNow(),
}: { doc?: Document; scope?: { fetch: typeof fetch }; fresh?: boolean } = {}): number {
  const answers = new Map<string, string>();
  for (const script of doc.querySelectorAll<HTMLScriptElement>('script[type="application/json"][data-api]')) {
    if (fresh) answers.set(script.dataset.api!, script.textContent ?? '');
    script.remove();
  }
  if (answers.size === 0) return 0;
  const network = scope.fetch;
  scope.fetch = (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof input === 'string' && method === 'GET' ? answers.get(input) : undefined;
    if (body === undefined) return network.call(scope, input, init);
    answers.delete(input as string);
    // each in a task of its own, as a network answer comes: its checks do not lengthen the start's
    // task, nor one another's, on a slow phone (issue 17: total blocking time)
    return new Promise((resolve) => setTimeout(() => resolve(answerOf(body)), 0));
  };
  return answers.size;
}
