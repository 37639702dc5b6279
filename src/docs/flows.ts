// The providers' authentication flows, drawn as sequence diagrams on /docs: each provider's own `flow`, in registry order.

import { REGISTRY } from '../providers/registry.js';
import type { Flow } from '../providers/provider.js';

export type { Flow, FlowStep } from '../providers/provider.js';

export const FLOWS: ReadonlyArray<Flow> = REGISTRY.flows;
