// Provider verification: the pact-js Verifier runs every pact in contracts/pacts/ against a real authmock on an
// ephemeral port, with the provider states applied to its world (store reset and clock back before each interaction).

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMount } from '../src/contracts/verify-pacts.js';
import { readPactFile } from '../src/contracts/pact-file.js';
import { createVerifierStates } from '../src/contracts/state-handlers.js';
import { DEFAULT_DOCUMENT } from '../src/paths.js';
import { buildOperationIndex } from '../src/engine/document/operation-index.js';
import { loadDocument } from '../src/engine/document/load-document.js';
import type { Operation } from '../src/engine/types.js';
import { DEFAULT_START, startMock, type StartedMock } from '../test/helpers/harness.js';

const pactsDir = fileURLToPath(new URL('./pacts/', import.meta.url));
const pactFiles = readdirSync(pactsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('provider verification of contracts/pacts/', () => {
  let mock: StartedMock;
  let operations: Operation[];

  beforeAll(async () => {
    mock = await startMock();
    operations = buildOperationIndex(await loadDocument(DEFAULT_DOCUMENT));
  });
  afterAll(() => mock.close());

  it('has a pact for each of the four flows', () => {
    expect(pactFiles).toEqual([
      'devicehq-field-app-authmock-devicehq.json',
      'duet-ios-app-authmock-duet.json',
      'emnify-fleet-app-authmock-emnify.json',
      'rfcx-guardian-app-authmock-rfcx.json',
    ]);
  });

  it.each(pactFiles)('%s is honoured by authmock', async (name) => {
    const file = join(pactsDir, name);
    const pact = readPactFile(file);
    const states = createVerifierStates({ world: mock.world, baseUrl: mock.url }, { startTime: DEFAULT_START });
    const verification = new Verifier({
      provider: pact.provider,
      providerBaseUrl: `${mock.url}${resolveMount(pact, operations)}`,
      pactUrls: [file],
      stateHandlers: states.stateHandlers as VerifierOptions['stateHandlers'],
      beforeEach: states.beforeEach,
      requestFilter: states.requestFilter as unknown as VerifierOptions['requestFilter'],
      logLevel: 'error',
    }).verifyProvider();
    await expect(verification).resolves.toBeDefined();
    expect(states.problems).toEqual([]);
  }, 120_000);
});
