// Check an RFCx identity + token for one request: the token, its expiry, its paths, the route's user types, its uses.

import { MockError } from '../../errors.js';
import type { ReadTx, WriteTx } from '../../state/store.js';
import type { World } from '../../types.js';
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
  /** User types the route accepts (x-rfcx-user-types). */
  allowedTypes: readonly string[];
  now: number;
  matches: PathMatcher;
}

type Outcome = RfcxPrincipal | MockError;

const invalid = (detail: string): MockError => new MockError('auth.invalid', detail);
const forbidden = (type: string): MockError =>
  new MockError('auth.forbidden', `a valid ${type} token, but this route only accepts other user types`);

const typeAllowed = (input: CheckInput): MockError | undefined =>
  input.allowedTypes.includes(input.identity.type) ? undefined : forbidden(input.identity.type);

function checkGuardian(tx: ReadTx, input: CheckInput): Outcome {
  const { guid } = input.identity;
  const guardian = tx.get<GuardianRecord>(RFCX.guardians, guid);
  if (!guardian || !secretMatches(input.token, guardian)) return invalid('unknown guardian or wrong token');
  const pathGuid = guardianPathGuid(input.path);
  if (pathGuid === undefined) return invalid('guardian tokens only work on the guardian\'s own checkins, software and pings paths');
  if (pathGuid !== guid) return invalid('guardian token used on another guardian\'s path');
  return typeAllowed(input) ?? { type: 'guardian', guid, userGuid: null };
}

/** User tokens: read first; an expired one is deleted (in a write, checked again there). */
function checkUser(tx: ReadTx, input: CheckInput): Outcome | { expiredKey: string } {
  const key = userTokenKey(input.token);
  const record = tx.get<UserTokenRecord>(RFCX.userTokens, key);
  if (!record || record.userGuid !== input.identity.guid || !secretMatches(input.token, record)) {
    return invalid('unknown user or wrong token');
  }
  if (isExpired(record.expiresAt, input.now)) return { expiredKey: key };
  if (record.allowedPaths && !input.matches(record.allowedPaths, input.path)) return invalid('this user token is not allowed on this path');
  return typeAllowed(input) ?? { type: 'user', guid: input.identity.guid, userGuid: input.identity.guid };
}

/**
 * Registration invite: the check and the redemption happen in one write, so parallel requests cannot overspend.
 * Only the split form works, as in RFCx (BEHAVIOUR.md: first half the guid, second half the secret): invite
 * `ab12cd34` is `register/ab12` + token `cd34`; `register/ab12cd34` names an invite guid that does not exist.
 */
function redeemRegistration(tx: WriteTx, input: CheckInput): Outcome {
  const { guid } = input.identity;
  const record = tx.get<RegisterTokenRecord>(RFCX.registerTokens, guid);
  // Invite codes are case-insensitive: the guid half was lower-cased with the identity, the secret half is here.
  if (!record || !secretMatches(input.token.toLowerCase(), record)) return invalid('unknown invite code or wrong secret half');
  if (isExpired(record.expiresAt, input.now)) return new MockError('auth.expired', 'the invite code has expired');
  if (!input.matches(record.allowedPaths, input.path)) return invalid('registration tokens only work on their own paths');
  const notAllowed = typeAllowed(input);
  if (notAllowed) return notAllowed;
  if (record.totalRedemptions >= record.allowedRedemptions) {
    return new MockError('auth.exhausted', `the invite code was already redeemed ${record.totalRedemptions} time(s)`);
  }
  tx.set<RegisterTokenRecord>(RFCX.registerTokens, guid, { ...record, totalRedemptions: record.totalRedemptions + 1 });
  return { type: 'register', guid, userGuid: null };
}

/** Temporary token: a use is counted only when everything else passed (a forbidden path or type uses nothing). */
function useTemporary(tx: WriteTx, input: CheckInput): Outcome {
  const { guid } = input.identity;
  const record = tx.get<TempTokenRecord>(RFCX.tempTokens, guid);
  if (!record || !secretMatches(input.token, record)) return invalid('unknown temporary token or wrong token');
  if (isExpired(record.expiresAt, input.now)) {
    tx.delete(RFCX.tempTokens, guid);
    return new MockError('auth.expired', 'the temporary token has expired');
  }
  if (record.allowedPaths && !input.matches(record.allowedPaths, input.path)) return invalid('this temporary token is not allowed on this path');
  const notAllowed = typeAllowed(input);
  if (notAllowed) return notAllowed;
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
