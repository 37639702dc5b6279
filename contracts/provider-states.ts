// The provider-state registry for pacts against authmock (state name → handler over a World), documented in
// contracts/README.md. It lives in src/contracts/ because `authmock verify-pacts` ships it; this is its contracts/ face.

export {
  providerStates,
  providerStateCatalog,
  resolveProviderState,
  ProviderStateError,
  type ProviderStateDefinition,
  type ProviderStateHandler,
  type InjectedValues,
  type StateContext,
  type StateParams,
} from '../src/contracts/provider-states.js';
export { createVerifierStates, type VerifierStates } from '../src/contracts/state-handlers.js';
