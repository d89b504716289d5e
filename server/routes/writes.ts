/**
 * The write endpoints: an editor's token, a body the contract accepts, the rules of
 * src/api/rules.ts, then one transaction in the storage that checks them again and writes all
 * or nothing.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  Id,
  NewObservationBatch,
  NewSource,
  ObservationConflict,
  ObservationResponse,
  ObservationUpdate,
  ObservationsResponse,
  SourceResponse,
  type ApiIssue,
} from '../../src/api/contract';
import { observationProblems, parseDeleteQuery, ruleContext, sourceProblems, type RuleContext } from '../../src/api/rules';
import { requireRole } from '../auth/require-role';
import type { TokenEntry } from '../auth/tokens';
import { apiError } from '../http/errors';
import { parseJsonBody } from '../http/json-body';
import type { Storage, WriteOutcome } from '../storage/types';

const broken = (c: Context, issues: ApiIssue[]) =>
  apiError(c, 400, 'invalid', 'The data breaks the rules of its indicator; nothing was written.', issues);

function refusal(c: Context, outcome: Exclude<WriteOutcome<unknown>, { ok: true }>) {
  switch (outcome.kind) {
    case 'invalid':
      return broken(c, outcome.issues);
    case 'not_found':
      return apiError(c, 404, 'not_found', outcome.message);
    case 'conflict': {
      if (!outcome.current) return apiError(c, 409, 'conflict', outcome.message, outcome.issues);
      const body = ObservationConflict.parse({
        error: { code: 'conflict', message: outcome.message, issues: outcome.issues },
        observation: outcome.current,
      });
      return c.json(body, 409);
    }
  }
}

function answer<T>(c: Context, outcome: WriteOutcome<T>, status: ContentfulStatusCode, wrap: (value: T) => unknown) {
  return outcome.ok ? c.json(wrap(outcome.value), status) : refusal(c, outcome);
}

/**
 * The rules' view of what is stored, with each source's unit. The storage checks the same rules
 * inside its transaction but knows a source by its id only (not its unit); units, indicators and
 * sources are never changed or deleted, so checking them here first holds for the transaction.
 */
async function storedRules(storage: Storage): Promise<RuleContext> {
  const [units, indicators, sources] = await Promise.all([
    storage.listUnits(),
    storage.listIndicators(),
    storage.listSources(),
  ]);
  return ruleContext(units, indicators, sources);
}

/** The :id of a path, or a 404 answer if it cannot name anything. */
function pathId(c: Context): string | undefined {
  const parsed = Id.safeParse(c.req.param('id'));
  return parsed.success ? parsed.data : undefined;
}

export function writeRoutes(storage: Storage, tokens: readonly TokenEntry[]) {
  const api = new Hono();
  const editor = requireRole('editor', tokens);

  api.post('/observations', editor, async (c) => {
    const body = await parseJsonBody(c, NewObservationBatch);
    if (!body.ok) return body.response;
    const ctx = await storedRules(storage);
    const issues = body.data.flatMap((o, i) => observationProblems(o, ctx, String(i)));
    if (issues.length > 0) return broken(c, issues);
    const outcome = await storage.addObservations(body.data);
    return answer(c, outcome, 201, (observations) => ObservationsResponse.parse({ observations }));
  });

  api.put('/observations/:id', editor, async (c) => {
    const id = pathId(c);
    if (!id) return apiError(c, 404, 'not_found', 'No such observation.');
    const body = await parseJsonBody(c, ObservationUpdate);
    if (!body.ok) return body.response;
    const issues = observationProblems(body.data, await storedRules(storage)); // the rules ignore version
    if (issues.length > 0) return broken(c, issues);
    const outcome = await storage.updateObservation(id, body.data);
    return answer(c, outcome, 200, (observation) => ObservationResponse.parse({ observation }));
  });

  api.delete('/observations/:id', editor, async (c) => {
    const id = pathId(c);
    if (!id) return apiError(c, 404, 'not_found', 'No such observation.');
    const { version, issues } = parseDeleteQuery(new URL(c.req.url).searchParams);
    if (issues.length > 0) return apiError(c, 400, 'bad_query', 'The query is not valid.', issues);
    const outcome = await storage.deleteObservation(id, version);
    return answer(c, outcome, 200, (observation) => ObservationResponse.parse({ observation }));
  });

  api.post('/sources', editor, async (c) => {
    const body = await parseJsonBody(c, NewSource);
    if (!body.ok) return body.response;
    const issues = sourceProblems(body.data, ruleContext(await storage.listUnits(), [], []));
    if (issues.length > 0) return broken(c, issues);
    const outcome = await storage.addSource(body.data);
    return answer(c, outcome, 201, (source) => SourceResponse.parse({ source }));
  });
  return api;
}
