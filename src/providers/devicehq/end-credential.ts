// DeviceHQ's auth failures on demand: a session ended as when idle too long, or closed as by a new sign-in elsewhere.

import { MockError } from '../../engine/errors.js';
import type { Operation, World } from '../../engine/types.js';
import type { CredentialEnd, FaultProblems } from '../provider.js';
import { closeSession, hashSessionToken, SESSIONS, type DevicehqSession } from './sessions.js';

/** A closed or replaced session answers 401 as an unknown token does (DeviceHQ sends no reason a client can tell apart). */
const CLOSED = 'session token is unknown, closed, or replaced by a newer session of the account';

/** Only a session can expire or be closed; the API-key routes answer an unknown key. */
const usesSession = (op: Operation): boolean => op.security.some((alternative) => alternative.some((s) => s.name.startsWith('DeviceHQSessionToken')));

export const devicehqFaultProblems: FaultProblems = {
  'auth.missing': (detail) => new MockError('auth.missing', detail || 'no X-AUTH-TOKEN header or token query parameter'),
  'auth.invalid': (detail) => new MockError('auth.invalid', detail || CLOSED),
  'auth.expired': (detail, op) => (usesSession(op) ? new MockError('auth.expired', detail || 'session expired (idle for more than 5 minutes)') : undefined),
  'auth.revoked': (detail, op) => (usesSession(op) ? new MockError('auth.revoked', detail || CLOSED) : undefined),
};

/** expire: the session's idle time is over now (the next use answers 401 expired); revoke: the session is closed. */
export async function endDevicehqCredential(world: World, credential: string, how: CredentialEnd): Promise<boolean> {
  const now = world.clock.now();
  const hash = hashSessionToken(credential);
  return world.store.write((tx) => {
    const session = tx.get<DevicehqSession>(SESSIONS, hash);
    if (!session || session.tokenHash !== hash || now > session.expiresAt) return false;
    if (how === 'revoke') return closeSession(tx, hash);
    tx.set<DevicehqSession>(SESSIONS, hash, { ...session, expiresAt: now - 1 });
    return true;
  });
}
