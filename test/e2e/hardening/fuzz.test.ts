// Thousands of malformed and random requests through real HTTP, to the gateway and straight to a
// subgraph: every one gets a well-formed JSON answer, never a 5xx, a 4xx whenever the request
// itself is at fault; the processes stay up and serve, and memory stays steady.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFromClaims } from '../../../gateway/identity/caller';
import { createGatewayTokenSigner, GATEWAY_TOKEN_HEADER, type GatewayTokenSigner } from '../../../gateway/identity/gateway-token';
import { readSigningKey } from '../../../gateway/identity/key-files';
import { findPersona } from '../../../gateway/identity/personas';
import { startSystem, type RunningSystem } from '../../support/start-system';

const GATEWAY_REQUESTS = 3000;
const SUBGRAPH_REQUESTS = 600;
const CONCURRENCY = 16;
const SEED = 20261123;

/** What the answer must be: a 4xx (the request is malformed), or any answer short of a 5xx and of an internal error. */
type Expectation = '4xx' | 'no-5xx';

interface FuzzRequest {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly expect: Expectation;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const VALID = [
  'query Sectors { sectors { code name } }',
  'query Page($n: Int!) { vulnerabilities(first: $n) { nodes { id title severity sector { code } } pageInfo { endCursor } } }',
  '{ models(first: 5) { nodes { id name } } }',
  '{ sector(code: "ENERGY") { code vulnerabilities(first: 3) { totalCount } } }',
  'query Assessments { infrastructureImpactAssessments(first: 4, filter: { status: IN_PROGRESS }) { nodes { id status riskLevel } } }',
];
const SYMBOLS = ['{', '}', '(', ')', ':', '$', '@', '...', '"', '!', '[', ']', '=', '#', '\\', '\u0000', '\ud800', 'é', ' '];

function mutate(rng: ReturnType<typeof random>, text: string): string {
  const chars = [...text];
  const edits = 1 + rng.int(4);
  for (let i = 0; i < edits; i++) {
    const at = rng.int(chars.length + 1);
    const choice = rng.int(3);
    if (choice === 0) chars.splice(at, 1 + rng.int(5));
    else if (choice === 1) chars.splice(at, 0, rng.pick(SYMBOLS));
    else chars.splice(at, 0, rng.pick(['first: -1', 'first: "x"', 'id: 3', 'noSuchField', 'after: 12', '__typename', 'first: 100000']));
  }
  return chars.join('');
}

function deepArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function gatewayCase(rng: ReturnType<typeof random>, token: string): FuzzRequest {
  const json = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const post = (kind: string, body: unknown, expect: Expectation, headers: Record<string, string> = json): FuzzRequest => ({
    kind,
    method: 'POST',
    path: '/graphql',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    expect,
  });
  const valid = rng.pick(VALID);
  switch (rng.int(18)) {
    case 0: {
      const text = JSON.stringify({ query: valid, variables: { n: 3 } });
      return post('truncated JSON', text.slice(0, rng.int(text.length - 1)), '4xx');
    }
    case 1:
      return post('random bytes', Buffer.from(Array.from({ length: 1 + rng.int(200) }, () => rng.int(256))).toString('latin1'), '4xx');
    case 2:
      return post('JSON that is not an operation', rng.pick(['null', '42', '"query"', '{}', '{"query": 7}', '{"query": {"a": 1}}', '{"variables": []}', '[]']), '4xx');
    case 3:
      return post('wrong content type', { query: valid }, '4xx', { authorization: json.authorization, 'content-type': rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) });
    case 4:
      return { kind: 'wrong method', method: rng.pick(['PUT', 'DELETE', 'PATCH']), path: '/graphql', headers: json, body: JSON.stringify({ query: valid }), expect: '4xx' };
    case 5:
      return post('mutated document', { query: mutate(rng, valid), variables: { n: 2 } }, 'no-5xx');
    case 6:
      return post('deeply nested document', { query: `{${'sectors {'.repeat(200 + rng.int(8000))}code${'}'.repeat(200 + rng.int(8000))}}` }, '4xx');
    case 7:
      return post('huge document', { query: `{ sectors { code } } # ${'x'.repeat(40_000 + rng.int(100_000))}` }, '4xx');
    case 8:
      return post('many aliases', { query: `{ ${Array.from({ length: 40 + rng.int(400) }, (_, i) => `a${i}: sectors { code }`).join(' ')} }` }, '4xx');
    case 9:
      // Written out: JSON.stringify itself cannot nest thousands of arrays deep.
      return post('invalid variables', `{"query": ${JSON.stringify(VALID[1])}, "variables": {"n": ${rng.pick(['"ten"', '1.5', 'null', '{"a": 1}', deepArray(2000 + rng.int(8000))])}}}`, '4xx');
    case 10:
      return post('variables of the wrong shape', `{"query": ${JSON.stringify(VALID[1])}, "variables": ${rng.pick(['"n=3"', '[3]', '7', deepArray(3000)])}}`, '4xx');
    case 11:
      return post('wrong-typed argument', { query: `{ vulnerabilities(first: ${rng.pick(['"x"', '1.5', 'true', '[1]', '{a: 1}', 'null'])}) { nodes { id } } }` }, '4xx');
    case 12:
      return post('out-of-range argument', { query: `{ vulnerabilities(first: ${rng.pick(['-1', '0', '101', '100000', '2147483647', '99999999999'])}) { nodes { id } } }` }, 'no-5xx');
    case 13:
      // A name the document does not hold is refused; an empty one picks its only operation.
      return post('unknown operation name', { query: valid, operationName: rng.pick(['Nope', '', '__proto__', 'x'.repeat(300)]) }, 'no-5xx');
    case 14:
      return post('batch while batching is off', Array.from({ length: 1 + rng.int(20) }, () => ({ query: valid })), '4xx');
    case 15:
      return { kind: 'GET with odd parameters', method: 'GET', path: `/graphql?${rng.pick(['query=%7B', 'query=' + encodeURIComponent(valid) + '&variables=%7Bx', 'extensions=%5B', 'query=mutation%20%7B%20__typename%20%7D', ''])}`, headers: { authorization: json.authorization, 'apollo-require-preflight': '1' }, expect: '4xx' };
    case 16:
      // A miss is answered 200 PERSISTED_QUERY_NOT_FOUND, as APQ clients expect.
      return post('persisted query nobody registered', { extensions: { persistedQuery: { version: rng.pick([1, 2, '1']), sha256Hash: rng.pick(['', 'zz', 'ab'.repeat(32), 7]) } } }, 'no-5xx');
    default:
      return post('valid operation', { query: valid, variables: { n: 1 + rng.int(20) } }, 'no-5xx');
  }
}

function subgraphCase(rng: ReturnType<typeof random>, token: string): FuzzRequest {
  const headers = { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token };
  const valid = 'query($n: Int!) { vulnerabilities(first: $n) { nodes { id title } } }';
  const bodies: Array<[string, string, Expectation]> = [
    ['truncated JSON', JSON.stringify({ query: valid }).slice(0, rng.int(40)), '4xx'],
    ['mutated document', JSON.stringify({ query: mutate(rng, valid), variables: { n: 2 } }), 'no-5xx'],
    ['invalid variables', JSON.stringify({ query: valid, variables: { n: rng.pick(['x', -4, 1e12, null]) } }), 'no-5xx'],
    ['deep variables', `{"query": ${JSON.stringify(valid)}, "variables": {"n": ${deepArray(5000)}}}`, '4xx'],
    ['representations of unknown types', JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: rng.pick([[{ __typename: 'Nope', id: '1' }], [{ id: 2 }], ['x'], [{ __typename: 'Vulnerability', id: 'vul-none' }, null]]) } }), 'no-5xx'],
    ['random bytes', Buffer.from(Array.from({ length: 1 + rng.int(100) }, () => rng.int(256))).toString('latin1'), '4xx'],
  ];
  const [kind, body, expect] = rng.pick(bodies);
  return { kind: `subgraph: ${kind}`, method: 'POST', path: '', headers, body, expect };
}

interface Answer {
  readonly status: number;
  readonly text: string;
}

async function send(base: string, request: FuzzRequest): Promise<Answer> {
  const response = await fetch(`${base}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, text: await response.text() };
}

/** Why the answer is not acceptable, or null. */
function problemWith(request: FuzzRequest, answer: Answer): string | null {
  if (answer.status >= 500) return `status ${answer.status}`;
  if (request.expect === '4xx' && (answer.status < 400 || answer.status >= 500)) return `status ${answer.status}, expected a 4xx`;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'answer is not JSON';
  }
  const parts = Array.isArray(body) ? body : [body];
  for (const part of parts as Array<{ data?: unknown; errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> }>) {
    if (typeof part !== 'object' || part === null || !('data' in part || 'errors' in part)) return 'answer has neither data nor errors';
    for (const error of part.errors ?? []) {
      if (typeof error.message !== 'string') return 'an error without a message';
      if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') return `INTERNAL_SERVER_ERROR: ${error.message}`;
    }
  }
  return null;
}

async function runAll(base: string, requests: FuzzRequest[]): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      try {
        const problem = problemWith(request, await send(base, request));
        if (problem) problems.push(`${request.kind}: ${problem} — ${String(request.body ?? request.path).slice(0, 160)}`);
      } catch (error) {
        problems.push(`${request.kind}: no answer (${(error as Error).message}) — ${String(request.body ?? request.path).slice(0, 160)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return problems;
}

function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('fuzzing with malformed and random requests', () => {
  let system: RunningSystem;
  let token: string;
  let signer: GatewayTokenSigner;

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 } });
    token = await system.token('cyber-analyst');
    const key = await readSigningKey(system.gatewayConfig.gatewayKeyFile);
    signer = createGatewayTokenSigner({ privateKey: key.privateKey, keyId: key.keyId });
  });

  afterAll(async () => {
    await system?.close();
  });

  it('answers every request to the gateway well-formed, 4xx when the request is at fault, with steady memory', async () => {
    const rng = random(SEED);
    const requests = Array.from({ length: GATEWAY_REQUESTS }, () => gatewayCase(rng, token));
    const base = system.gateway.url.replace(/\/graphql$/, '');
    const warmUp = requests.splice(0, 500);
    expect(await runAll(base, warmUp)).toEqual([]);
    const afterWarmUp = heapAfterGc();
    expect(await runAll(base, requests)).toEqual([]);
    const atEnd = heapAfterGc();
    // Generous: caches fill up to their bounds; a leak per request would grow far past this.
    expect(atEnd - afterWarmUp).toBeLessThan(96 * 1024 * 1024);

    // Still up and serving.
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const served = await system.query(VALID[0]!, { token });
    expect(served.status).toBe(200);
    expect(served.body.errors).toBeUndefined();
  });

  it('answers every request sent straight to a subgraph well-formed, and the subgraph stays up', async () => {
    const rng = random(SEED + 1);
    const caller = callerFromClaims(findPersona('cyber-analyst')!.claims);
    const subgraphToken = signer.sign(caller);
    const requests = Array.from({ length: SUBGRAPH_REQUESTS }, () => subgraphCase(rng, subgraphToken));
    expect(await runAll(system.subgraphs.cyber.url, requests)).toEqual([]);
    expect((await fetch(system.subgraphs.cyber.url.replace(/\/graphql$/, '/health'))).status).toBe(200);
  });
});
