// Duet's two header tokens as tables, the verifiers called directly: each token accepted by its own header, swapped ones named, ended ones refused.

import { beforeEach, describe, expect, it } from 'vitest';
import type { Operation, SecuritySchemeSpec, VerifyResult, World } from '../../../src/engine/types.js';
import { endDuetCredential, verifyAccount, verifyApplication } from '../../../src/providers/duet/credentials.js';
import { ACCOUNT_TOKEN_LENGTH, addApplication, findAccountByToken, insertAccount } from '../../../src/providers/duet/records.js';
import { createTestWorld, TEST_START, toMockRequest } from '../../helpers/document.js';

const APP_TOKEN = 'duet-app-token-0001';
const ACCOUNT_TOKEN = 'A'.repeat(ACCOUNT_TOKEN_LENGTH);

let world: World;
beforeEach(async () => {
  world = createTestWorld();
  await world.store.write((tx) => {
    addApplication(tx, 'Duet iOS', APP_TOKEN);
    insertAccount(tx, { email: 'jane@example.com', phone: null, firstName: null, lastName: null, gender: null, bornOn: null }, 'pw', TEST_START, ACCOUNT_TOKEN);
  });
});

const verify = (verifier: typeof verifyAccount, credential: string) =>
  verifier({ credential, scheme: {} as SecuritySchemeSpec, req: toMockRequest(), op: {} as Operation, world }) as Promise<VerifyResult>;

describe('verifyApplication and verifyAccount', () => {
  it.each<[string, { given: { verifier: 'application' | 'account'; credential: string }; want: unknown }]>([
    ['the application token in X-Application-Token', { given: { verifier: 'application', credential: APP_TOKEN }, want: { ok: true, principal: { name: 'Duet iOS' } } }],
    ['the account token in X-Account-Token', { given: { verifier: 'account', credential: ACCOUNT_TOKEN }, want: { ok: true, principal: { accountId: 1 } } }],
    [
      'the account token in X-Application-Token: swapped',
      { given: { verifier: 'application', credential: ACCOUNT_TOKEN }, want: { ok: false, error: expect.objectContaining({ code: 'auth.invalid', pointer: '/headers/x-application-token', message: 'X-Application-Token holds an account token: the two headers look swapped' }) } },
    ],
    [
      'the application token in X-Account-Token: swapped',
      { given: { verifier: 'account', credential: APP_TOKEN }, want: { ok: false, error: expect.objectContaining({ code: 'auth.invalid', pointer: '/headers/x-account-token', message: 'X-Account-Token holds an application token: the two headers look swapped' }) } },
    ],
    [
      'an unknown application token',
      { given: { verifier: 'application', credential: 'nope' }, want: { ok: false, error: expect.objectContaining({ code: 'auth.invalid', message: 'X-Application-Token is not a known application token' }) } },
    ],
    [
      'an unknown account token',
      { given: { verifier: 'account', credential: 'B'.repeat(ACCOUNT_TOKEN_LENGTH) }, want: { ok: false, error: expect.objectContaining({ code: 'auth.invalid', message: expect.stringMatching(/belongs to no account/) }) } },
    ],
    ['a token in another case is another token', { given: { verifier: 'application', credential: APP_TOKEN.toUpperCase() }, want: { ok: false, error: expect.objectContaining({ code: 'auth.invalid' }) } }],
  ])('%s', async (_name, { given, want }) => {
    expect(await verify(given.verifier === 'application' ? verifyApplication : verifyAccount, given.credential)).toEqual(want);
  });
});

describe('endDuetCredential', () => {
  it.each<['expire' | 'revoke']>([['expire'], ['revoke']])('%s: the account token is replaced, so the old one answers 401 and a new one works', async (how) => {
    expect(await endDuetCredential(world, ACCOUNT_TOKEN, how)).toBe(true);
    expect(await verify(verifyAccount, ACCOUNT_TOKEN)).toMatchObject({ ok: false, error: { code: 'auth.invalid' } });
    const fresh = await world.store.read((tx) => tx.get<{ authenticationToken: string }>('duet.accounts', '1'))!;
    expect(fresh!.authenticationToken).toMatch(/^[A-Za-z0-9]{60}$/);
    expect(await verify(verifyAccount, fresh!.authenticationToken)).toEqual({ ok: true, principal: { accountId: 1 } });
    expect(await world.store.read((tx) => findAccountByToken(tx, fresh!.authenticationToken)?.email)).toBe('jane@example.com');
  });

  it.each<[string, string]>([
    ['an unknown token', 'nope'],
    ['an application token', APP_TOKEN],
  ])('ends nothing for %s', async (_name, credential) => {
    expect(await endDuetCredential(world, credential, 'revoke')).toBe(false);
    expect(await verify(verifyAccount, ACCOUNT_TOKEN)).toMatchObject({ ok: true });
  });
});
