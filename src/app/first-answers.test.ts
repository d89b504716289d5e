import { documentFetchedNow, serveFirstAnswers } from './first-answers';

const PATH = '/api/observations?unit=my-thoi&to=2024-Q4&family=budget';
const BODY = '{"observations":[{"unitId":"my-thoi","note":"\\u003c/script> giả lập"}]}';

function pageWith(...answers: [string, string][]): Document {
  const doc = document.implementation.createHTMLDocument('trang');
  for (const [path, body] of answers) {
    const script = doc.createElement('script');
    script.type = 'application/json';
    script.dataset.api = path;
    script.textContent = body;
    doc.body.append(script);
  }
  return doc;
}

function network() {
  const asked: string[] = [];
  const scope = {
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      asked.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return Promise.resolve(new Response('{"from":"network"}'));
    }) as typeof fetch,
  };
  return { asked, scope };
}

describe('the answers that came with the page', () => {
  it('serve the first GET of their path, then the network answers it', async () => {
    const doc = pageWith([PATH, BODY], ['/api/units', '{"units":[]}']);
    const { asked, scope } = network();
    expect(serveFirstAnswers({ doc, scope, fresh: true })).toBe(2);
    expect(doc.querySelectorAll('script').length).toBe(0);

    const first = await scope.fetch(PATH, { headers: { Accept: 'application/json' } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ observations: [{ unitId: 'my-thoi', note: '</script> giả lập' }] });
    expect(asked).toEqual([]);

    await scope.fetch(PATH);
    await scope.fetch('/api/units', { method: 'POST' });
    await scope.fetch('/api/sources');
    expect(asked).toEqual([`GET ${PATH}`, 'POST /api/units', 'GET /api/sources']);
    expect(await (await scope.fetch('/api/units')).json()).toEqual({ units: [] });
  });

  it('are not used when the page is a copy the browser kept (its figures could be old)', async () => {
    const doc = pageWith([PATH, BODY]);
    const { asked, scope } = network();
    expect(serveFirstAnswers({ doc, scope, fresh: false })).toBe(0);
    expect(doc.querySelectorAll('script').length).toBe(0);
    expect(await (await scope.fetch(PATH)).json()).toEqual({ from: 'network' });
    expect(asked).toEqual([`GET ${PATH}`]);
  });

  it('a page without any leaves fetch alone', () => {
    const { scope } = network();
    const before = scope.fetch;
    expect(serveFirstAnswers({ doc: pageWith(), scope, fresh: true })).toBe(0);
    expect(scope.fetch).toBe(before);
  });
});

describe('documentFetchedNow', () => {
  const timing = (transferSize?: number) => ({
    getEntriesByType: () => (transferSize === undefined ? [] : [{ transferSize } as unknown as PerformanceEntry]),
  });
  it('is true for a page that crossed the network (a 304 too: its headers did), false for one from the cache or without timing', () => {
    expect(documentFetchedNow(timing(15_000))).toBe(true);
    expect(documentFetchedNow(timing(300))).toBe(true);
    expect(documentFetchedNow(timing(0))).toBe(false);
    expect(documentFetchedNow(timing())).toBe(false);
    expect(documentFetchedNow(undefined)).toBe(false);
  });
});
