// The auth-aware part of /__admin: end a live credential as its provider ends it, fault problems, and coverage.

import { MockError } from '../engine/errors.js';
import type { LiveWorld } from '../world/worlds.js';
import type { Handler, Operation, World } from '../engine/types.js';
import type { CredentialEnd, Provider } from '../providers/provider.js';
import { coverageReport } from '../world/coverage.js';

export interface CredentialAdminOptions {
  providers: ReadonlyArray<Provider>;
  operations: () => ReadonlyArray<Operation>;
  liveWorldOf: (world: World) => LiveWorld;
}

const MAX_CREDENTIAL = 4096;

/** The provider of an operation, for a fault's `problem`: the codes it accepts, or a 400 naming them. */
export function checkFaultProblem(options: CredentialAdminOptions, operationId: string, problem: unknown): string | null {
  if (problem === undefined || problem === null) return null;
  const op = options.operations().find((o) => o.operationId === operationId);
  const provider = options.providers.find((p) => p.name === op?.provider);
  const known = op ? Object.entries(provider?.faultProblems ?? {}).filter(([, build]) => build('', op) !== undefined).map(([code]) => code) : [];
  if (typeof problem === 'string' && known.includes(problem)) return problem;
  const where = provider ? `${provider.name}'s operation '${operationId}'` : `'${operationId}' (no provider of authmock's own)`;
  const list = known.length > 0 ? `: use one of ${known.join(', ')}` : '; use status instead';
  throw new MockError('validation.failed', `problem '${String(problem).slice(0, 60)}' is not one ${where} can answer${list}`, {
    status: 400,
    pointer: '/body/problem',
  });
}

export function createCredentialHandlers(options: CredentialAdminOptions): Record<string, Handler> {
  const end =
    (how: CredentialEnd): Handler =>
    async (ctx) => {
      const credential = (ctx.req.body as { credential?: unknown } | undefined)?.credential;
      if (typeof credential !== 'string' || credential === '' || credential.length > MAX_CREDENTIAL) {
        throw new MockError('validation.failed', `credential must be the token, session, JWT or key as the client holds it (1 to ${MAX_CREDENTIAL} characters)`, {
          status: 400,
          pointer: '/body/credential',
        });
      }
      for (const provider of options.providers) {
        if (provider.endCredential && (await provider.endCredential(ctx.world, credential, how))) {
          const verb = how === 'expire' ? 'expired' : 'revoked';
          return { status: 200, body: { provider: provider.name, [verb]: true } };
        }
      }
      throw new MockError('state.not_found', `no live credential of any provider in this world is '${credential.slice(0, 4)}…' (already ended, expired, or from another world)`, {
        pointer: '/body/credential',
      });
    };
  return {
    adminExpireCredential: end('expire'),
    adminRevokeCredential: end('revoke'),
    adminGetCoverage: ({ world }) => ({
      status: 200,
      body: coverageReport(options.liveWorldOf(world).coverage, options.operations(), options.providers),
    }),
  };
}
