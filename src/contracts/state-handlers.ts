// The provider states as pact-js Verifier options for one world: reset before each interaction, run each state and
// hand back its injected values, record unknown and failing states by name, and forward bodies byte-true.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { mediaTypeOf } from '../engine/validate/parse-body.js';
import { resolveProviderState, type InjectedValues, type StateContext } from './provider-states.js';

export interface StateProblem {
  state: string;
  kind: 'unknown' | 'failed';
  message: string;
}

type SetupFn = (params?: unknown) => Promise<InjectedValues | undefined>;

export interface VerifierStates {
  /** For the Verifier's `stateHandlers`: filled in as states are met (a name may be a filled-in template). */
  stateHandlers: Record<string, { setup: SetupFn }>;
  /** For the Verifier's `beforeEach`: back to the fixtures and the start time, before every interaction. */
  beforeEach: () => Promise<void>;
  /** For the Verifier's `requestFilter`: meets state names first, and undoes the proxy's body re-encoding. */
  requestFilter: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  /** Unknown states and failed setups, in the order met (each state name once per kind). */
  problems: StateProblem[];
}

export interface VerifierStateOptions {
  /** Mock time every interaction starts at (the world's clock is frozen there). */
  startTime: number;
  /** Path on which the Verifier's proxy receives state changes (pact-js: `/_pactSetup`). */
  stateSetupPath?: string;
}

/** `{account:{login:'x'}, tags:['a','b']}` → `account[login]=x&tags[]=a&tags[]=b` (what authmock's form parser reads back). */
export function toRailsForm(value: unknown): string {
  const pairs: Array<[string, string]> = [];
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) v.forEach((item) => walk(item, `${key}[]`));
    else if (typeof v === 'object' && v !== null) for (const [k, child] of Object.entries(v)) walk(child, key ? `${key}[${k}]` : k);
    else pairs.push([key, v === undefined || v === null ? '' : String(v)]);
  };
  walk(value, '');
  return new URLSearchParams(pairs).toString();
}

type BodyRequest = IncomingMessage & { body?: unknown; path?: string };

/**
 * pact-js's verification proxy parses JSON and form bodies and forwards `JSON.stringify(body)` with the original
 * Content-Length: a form body arrives as JSON under a form content type, and any length change stalls the request.
 * Re-encode in the original media type and fix the length.
 */
function restoreBody(req: BodyRequest): void {
  const body = req.body;
  if (body === undefined || body === null || Buffer.isBuffer(body) || typeof body !== 'object') return;
  const bytes = Buffer.from(mediaTypeOf(req.headers['content-type']) === 'application/x-www-form-urlencoded' ? toRailsForm(body) : JSON.stringify(body));
  req.body = bytes;
  req.headers['content-length'] = String(bytes.length);
  delete req.headers['transfer-encoding'];
}

export function createVerifierStates(ctx: StateContext, options: VerifierStateOptions): VerifierStates {
  const setupPath = options.stateSetupPath ?? '/_pactSetup';
  const problems: StateProblem[] = [];
  const note = (problem: StateProblem): void => {
    if (!problems.some((p) => p.state === problem.state && p.kind === problem.kind)) problems.push(problem);
  };
  const stateHandlers: Record<string, { setup: SetupFn }> = Object.create(null) as Record<string, { setup: SetupFn }>;

  const handlerFor = (state: string): { setup: SetupFn } => ({
    async setup(params) {
      const given = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
      const resolved = resolveProviderState(state, given);
      if (!resolved) {
        note({ state, kind: 'unknown', message: `unknown provider state '${state}' (authmock's states are listed in contracts/README.md)` });
        throw new Error(`unknown provider state '${state}'`);
      }
      try {
        return await resolved.handler(resolved.params, ctx);
      } catch (error) {
        note({ state, kind: 'failed', message: `provider state '${state}' could not be set up: ${(error as Error).message}` });
        throw error;
      }
    },
  });

  return {
    stateHandlers,
    problems,
    async beforeEach() {
      await ctx.world.store.reset();
      ctx.world.clock.freeze(true);
      ctx.world.clock.set(options.startTime);
    },
    requestFilter(req, _res, next) {
      const r = req as BodyRequest;
      const path = r.path ?? (req.url ?? '').split('?')[0];
      if (path === setupPath) {
        // The proxy looks handlers up by exact name: register every name it is about to ask for (known or not).
        const state = (r.body as { state?: unknown } | undefined)?.state;
        if (typeof state === 'string' && state !== '' && !(state in stateHandlers)) stateHandlers[state] = handlerFor(state);
      } else {
        restoreBody(r);
      }
      next();
    },
  };
}
