// Check an RFCx identity + token against the store for one request: the token, its expiry, its paths, its uses (no
// route checks a type). Invite codes and temporary tokens are spent only once the request has passed validation.

import { MockError } from '../../engine/errors.js';
import type { ReadTx, WriteTx } from '../../world/store.js';
import type { World } from '../../engine/types.js';
import type { RfcxIdentity } from './credentials.js';
import { guardianPathGuid, type PathMatcher } from './paths.js';
import {
  RFCX,
  isExpired,
  secretMatches,
  userTokenKey,
  type GuardianRecord,
  type RegisterTokenRecord,
  type RfcxUserType,
  type TempTokenRecord,
  type UserTokenRecord,
} from './records.js';

export interface RfcxPrincipal {
  type: RfcxUserType;
  guid: string;
  /** The person behind a `user` token, or the user a temporary token acts for (null if none). */
  userGuid: string | null;
}

export interface CheckInput {
  identity: RfcxIdentity;
  token: string;
  /** Path without the /rfcx base. */
  path: string;
  now: number;
  matches: PathMatcher;
}

type Outcome = RfcxPrincipal | MockError;

const invalid = (detail: string): MockError => new MockError('auth.invalid', detail);

/** RFCx's `guardian`, `user` and `token` identities always carry a guid (parseIdentity guarantees it). */
const guidOf = (identity: RfcxIdentity): string => identity.guid ?? '';

function checkGuardian(tx: ReadTx, input: CheckInput): Outcome {
  const guid = guidOf(input.identity);
  const guardian = tx.get<GuardianRecord>(RFCX.guardians, guid);
  if (!guardian || !secretMatches(input.token, guardian)) return invalid('unknown guardian or wrong token');
  const pathGuid = guardianPathGuid(input.path);
  if (pathGuid === undefined) return invalid('guardian tokens only work on the guardian\'s own checkins, software and pings paths');
  if (pathGuid !== guid) return invalid('guardian token used on another guardian\'s path');
  return { type: 'guardian', guid, userGuid: null };
}

/** User tokens: read first; an expired one is deleted (in a write, checked again there). */
function checkUser(tx: ReadTx, input: CheckInput): Outcome | { expiredKey: string } {
  const key = userTokenKey(input.token);
  const record = tx.get<UserTokenRecord>(RFCX.userTokens, key);
  if (!record || record.userGuid !== guidOf(input.identity) || !secretMatches(input.token, record)) {
    return invalid('unknown user or wrong token');
  }
  if (isExpired(record.expiresAt, input.now)) return { expiredKey: key };
  if (record.allowedPaths && !input.matches(record.allowedPaths, input.path)) return invalid('this user token is not allowed on this path');
  return { type: 'user', guid: record.userGuid, userGuid: record.userGuid };
}

/** An invite code split as RFCx splits it: first half the invite's guid, second half its secret, both lower-cased. */
export function splitInviteCode(code: string): { guid: string; secret: string } {
  const half = Math.floor(code.length / 2);
  return { guid: code.slice(0, half).toLowerCase(), secret: code.slice(half).toLowerCase() };
}

/**
 * Registration invite (`auth-with-registration-token.js`): `x-auth-user: register` and the whole code as the token,
 * e.g. `ab12cd34`; the server splits it. The check and the redemption happen in one write, so parallel requests
 * cannot overspend. The old split-across-headers form (`register/ab12` + `cd34`) reads `cd34` as a code: 401.
 */
function redeemRegistration(tx: WriteTx, input: CheckInput): Outcome {
  const { guid, secret } = splitInviteCode(input.token);
  const record = guid === '' ? undefined : tx.get<RegisterTokenRecord>(RFCX.registerTokens, guid);
  if (!record) return invalid('unknown invite code (send the whole code as the token, with x-auth-user: register)');
  if (isExpired(record.expiresAt, input.now)) return new MockError('auth.expired', 'the invite code has expired');
  if (record.totalRedemptions >= record.allowedRedemptions) {
    return new MockError('auth.exhausted', `the invite code was already redeemed ${record.totalRedemptions} time(s)`);
  }
  if (!secretMatches(secret, record)) return invalid('wrong invite code');
  if (!input.matches(record.allowedPaths, input.path)) return invalid('this invite code is not allowed on this path');
  tx.set<RegisterTokenRecord>(RFCX.registerTokens, guid, { ...record, totalRedemptions: record.totalRedemptions + 1 });
  return { type: 'register', guid, userGuid: null };
}

/** Temporary token: a use limit only when a fixture sets one, counted only when everything else passed. */
function useTemporary(tx: WriteTx, input: CheckInput): Outcome {
  const guid = guidOf(input.identity);
  const record = tx.get<TempTokenRecord>(RFCX.tempTokens, guid);
  if (!record || !secretMatches(input.token, record)) return invalid('unknown temporary token or wrong token');
  if (isExpired(record.expiresAt, input.now)) {
    tx.delete(RFCX.tempTokens, guid);
    return new MockError('auth.expired', 'the temporary token has expired');
  }
  if (record.allowedPaths && !input.matches(record.allowedPaths, input.path)) return invalid('this temporary token is not allowed on this path');
  if (record.remainingUses !== null) {
    if (record.remainingUses <= 0) return new MockError('auth.exhausted', 'the temporary token has no uses left');
    tx.set<TempTokenRecord>(RFCX.tempTokens, guid, { ...record, remainingUses: record.remainingUses - 1 });
  }
  return { type: 'token', guid, userGuid: record.userGuid };
}

/** A write view that changes nothing: the same checks as the real use, without spending it. */
const dryRun = (tx: ReadTx): WriteTx => ({ ...tx, set: () => undefined, delete: () => false, clear: () => undefined });

export interface Checked {
  outcome: Outcome;
  /** For spendable credentials (invite codes, temporary tokens): spend one use, checked again atomically. */
  commit?: () => Promise<MockError | undefined>;
}

const spend = (world: World, use: (tx: WriteTx, input: CheckInput) => Outcome, input: CheckInput) => async (): Promise<MockError | undefined> => {
  const outcome = await world.store.write((tx) => use(tx, input));
  return outcome instanceof MockError ? outcome : undefined;
};

export async function checkCredentials(world: World, input: CheckInput): Promise<Checked> {
  switch (input.identity.type) {
    case 'guardian':
      return { outcome: await world.store.read((tx) => checkGuardian(tx, input)) };
    case 'register':
      return { outcome: await world.store.read((tx) => redeemRegistration(dryRun(tx), input)), commit: spend(world, redeemRegistration, input) };
    case 'token':
      return { outcome: await world.store.read((tx) => useTemporary(dryRun(tx), input)), commit: spend(world, useTemporary, input) };
    case 'user': {
      const outcome = await world.store.read((tx) => checkUser(tx, input));
      if (outcome instanceof MockError || !('expiredKey' in outcome)) return { outcome };
      await world.store.write((tx) => {
        const record = tx.get<UserTokenRecord>(RFCX.userTokens, outcome.expiredKey);
        if (record && isExpired(record.expiresAt, input.now)) tx.delete(RFCX.userTokens, outcome.expiredKey);
      });
      return { outcome: new MockError('auth.expired', 'the user token has expired (it is now removed)') };
    }
  }
}
