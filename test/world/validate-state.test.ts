// Loaded state is checked the way it will be used: a record a provider cannot describe is named, with the provider.

import { describe, expect, it } from 'vitest';
import type { Provider } from '../../src/providers/provider.js';
import { createFixedClock } from '../../src/world/clock.js';
import type { ReadTx, Snapshot } from '../../src/world/store.js';
import { createStateValidator } from '../../src/world/validate-state.js';
import { createStubProvider } from '../helpers/document.js';

/** Describes its sessions: each an object with a string token naming an existing user; no token twice. */
const sessions: Provider = createStubProvider({
  name: 'sessions',
  describeState: (tx: ReadTx) => {
    const seen = new Set<string>();
    return [...tx.entries<{ token: string; user?: string }>('sessions')].map(([key, s]) => {
      const user = s.user === undefined ? undefined : tx.get<{ name: string }>('users', s.user);
      if (s.user !== undefined && !user) throw new Error(`no user ${s.user}`);
      if (seen.has(s.token)) throw new Error(`token ${s.token.slice(0, 4)}… twice`);
      seen.add(s.token);
      return { key, token: s.token.slice(0, 4), user: user?.name };
    });
  },
});

const other: Provider = { ...sessions, name: 'other', describeState: () => ({ ok: true }) };

describe('createStateValidator', () => {
  it.each<[string, { given: Snapshot; want: string | undefined }]>([
    ['state every provider can describe', { given: { sessions: { a: { token: 'tok-1' } }, users: {} }, want: undefined }],
    ['no state at all', { given: {}, want: undefined }],
    ['a record of the wrong shape, named', { given: { sessions: { a: { token: 'tok-1' }, b: { token: 7 } } }, want: 'record sessions/b is not what sessions keeps there (s.token.slice is not a function)' }],
    ['a long key, shortened', { given: { sessions: { 'abcdefghijklmnopq': { token: null } } }, want: 'record sessions/abcdefgh… is not what sessions keeps there' }],
    [
      'records fine alone that do not fit together',
      { given: { sessions: { a: { token: 'tok-1' }, b: { token: 'tok-1' } } }, want: "sessions's records do not fit together (token tok-… twice)" },
    ],
    [
      'a record that needs one missing',
      { given: { sessions: { a: { token: 'tok-1', user: 'u1' } }, users: { u2: { name: 'Ann' } } }, want: 'record sessions/a is not what sessions keeps there (no user u1)' },
    ],
  ])('%s', (_name, { given, want }) => {
    const validate = createStateValidator([other, sessions], createFixedClock(0));
    if (want === undefined) expect(() => validate(given)).not.toThrow();
    else expect(() => validate(given)).toThrow(want);
  });
});
