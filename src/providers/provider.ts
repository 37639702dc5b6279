// The provider contract: what a provider module gives the engine, the admin API, the command line, the docs and the
// contract tools. A provider is one folder under src/providers/ whose index.ts exports a ProviderModule.

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
  /** e.g. '/<name>'; requests under it are this provider's. */
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
 * when that operation cannot fail so (a route signed with a static API key has no session to expire).
 */
export type FaultProblems = Readonly<Record<string, (detail: string, op: Operation) => MockError | undefined>>;

/** One command-line option of `authmock serve` that belongs to a provider (`--jwt-secret SECRET`). */
export interface ProviderOption {
  /** Without the dashes: `jwt-secret`. */
  name: string;
  /** The placeholder of its value in the help text: `SECRET`. */
  value: string;
  /** What it does and its default, one line. */
  help: string;
}

/** A provider option with a bad value; the command line answers it as a usage error (exit 2). */
export class ProviderOptionError extends Error {
  readonly code = 'provider.option' as const;
}

/** Everything a provider state sets up is reached through these: the world and where it answers over HTTP. */
export interface StateContext {
  world: World;
  /** Where this world answers over HTTP: the mock's URL, or `<url>/_sandbox/<id>` for a sandbox. */
  baseUrl: string;
  /** The providers of the running mock (seeding a state's fixtures); default: every registered provider. */
  providers?: ReadonlyArray<Provider>;
}

export type StateParams = Readonly<Record<string, unknown>>;
/** Values a pact injects with `fromProviderState('${name}', example)`. */
export type InjectedValues = Record<string, string | number | boolean>;
export type ProviderStateHandler = (params: StateParams, ctx: StateContext) => Promise<InjectedValues | undefined>;

/** One Pact provider state, documented in contracts/README.md. */
export interface ProviderStateDefinition {
  /** The provider it sets up (its `name`), or 'any'. */
  provider: string;
  summary: string;
  /** Parameter → what it means (and its default). */
  params: Readonly<Record<string, string>>;
  /** Parameters of the example in contracts/README.md. */
  example: StateParams;
  /** Injected value → what it holds. */
  returns: Readonly<Record<string, string>>;
  setup: ProviderStateHandler;
}

/** State name (with `{param}` placeholders) → its definition. */
export type ProviderStates = Readonly<Record<string, ProviderStateDefinition>>;

export type FlowStep =
  /** A request (solid arrow) or an answer (`reply`, dashed arrow) between two participants, in one or more lines. */
  | { from: number; to: number; lines: ReadonlyArray<string>; reply?: boolean }
  /** A note across the lifelines: a rule of the flow (expiry, what fails and how). */
  | { note: ReadonlyArray<string> };

/** A provider's authentication flow, drawn as a sequence diagram on /docs. */
export interface Flow {
  /** The provider's name as mounted (`/<name>`). */
  provider: string;
  title: string;
  participants: ReadonlyArray<string>;
  steps: ReadonlyArray<FlowStep>;
}

/** What a provider folder exports from its index.ts, and all the registry knows of it. */
export interface ProviderModule<Settings = unknown> {
  /** Lower case, as mounted and as written in `--providers` and in the fixtures. */
  readonly name: string;
  /** As its makers write it, for the help text. */
  readonly title: string;
  /** Its own options of `authmock serve`. */
  readonly options: ReadonlyArray<ProviderOption>;
  /** Option values as given (absent ones undefined) → the settings `create` takes; throws ProviderOptionError. */
  readSettings(values: Readonly<Record<string, string | undefined>>): Settings;
  /** A fresh provider with these settings (a provider with no options ignores them). */
  create(settings: Settings): Provider;
  /** Its Pact provider states. */
  readonly states: ProviderStates;
  readonly flow: Flow;
}
