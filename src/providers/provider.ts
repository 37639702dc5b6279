// The provider contract: what a provider module gives the engine, the admin API and the contract tools.

import type { Clock } from '../world/clock.js';
import type { MockError } from '../engine/errors.js';
import type { CredentialResolver, Handler, MockResponse, Operation, Verifier, World } from '../engine/types.js';
import type { ReadTx, WriteTx } from '../world/store.js';

export interface CredentialHint {
  label: string;
  value: string;
  /** Masked in the banner when the mock is reachable from other machines. */
  secret: boolean;
}

export interface ProviderEnv {
  clock: Clock;
}

export interface Provider {
  readonly name: string;
  /** e.g. '/devicehq'; requests under it are this provider's. */
  readonly basePath: string;
  /** JSON Schema (draft 2020-12) for this provider's section of a fixtures file. */
  readonly fixtureSchema: Record<string, unknown>;
  /** Add fixtures to the store; returns how many items were added. Runs inside one write. */
  seed(tx: WriteTx, fixtures: unknown, env: ProviderEnv): number;
  /** The provider's own wire format for an error. */
  renderError(error: MockError): MockResponse;
  readonly credentialFrom?: Readonly<Record<string, CredentialResolver>>;
  readonly verifiers: Readonly<Record<string, Verifier>>;
  readonly handlers: Readonly<Record<string, Handler>>;
  /** Live sessions and tokens for GET /__admin/state, secrets masked. */
  describeState(tx: ReadTx, env: ProviderEnv): unknown;
  /** The seeded credentials a developer needs first, from this provider's fixtures section (for the start-up banner). */
  credentialHints?(fixtures: unknown): ReadonlyArray<CredentialHint>;
  /** Remove what has expired by `now` (keeps memory bounded by live credentials). */
  sweep?(tx: WriteTx, now: number): void;
  /**
   * The errors this provider answers for each reason (`auth.expired`, ...), as its own verifiers build them: what
   * `POST /__admin/faults {"problem"}` answers. Its keys are the problem codes accepted for its operations.
   */
  readonly faultProblems?: FaultProblems;
  /**
   * End a live credential as the client holds it, the way this provider ends one (`expire`: lifetime over; `revoke`:
   * closed, logged out, replaced). False when this world holds no such live credential.
   */
  endCredential?(world: World, credential: string, how: CredentialEnd): Promise<boolean>;
}

export type CredentialEnd = 'expire' | 'revoke';

/**
 * Problem code → the provider's own error for it on an operation (`detail` empty: its usual reason), or undefined
 * when that operation cannot fail so (a DeviceHQ API-key route has no session to expire).
 */
export type FaultProblems = Readonly<Record<string, (detail: string, op: Operation) => MockError | undefined>>;
