// The four providers, created per app (no module-level state), in a fixed order.

import type { Provider } from './provider.js';
import { createDuetProvider } from './duet/index.js';
import { createDevicehqProvider } from './devicehq/index.js';
import { createRfcxProvider } from './rfcx/index.js';
import { createEmnifyProvider, type EmnifyProviderOptions } from './emnify/index.js';

export const PROVIDER_NAMES = ['duet', 'devicehq', 'rfcx', 'emnify'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export interface ProviderOptions {
  emnify?: EmnifyProviderOptions;
}

export function createProviders(options: ProviderOptions = {}): Provider[] {
  return [createDuetProvider(), createDevicehqProvider(), createRfcxProvider(), createEmnifyProvider(options.emnify ?? {})];
}
