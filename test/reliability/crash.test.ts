// Crash safety: the built CLI with --state (SQLite) under mutating traffic, SIGKILLed at random moments CRASH_KILLS times
// (default 8; the test:crash script sets 40), mostly inside transactions. After every kill the database passes SQLite's
// integrity check; after every restart every acknowledged change (a 2xx received before the kill) is there, nothing
// revoked, replaced or used up comes back, and no file but the database and its WAL is left.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { serve, type Spawned } from '../e2e/spawn.js';
import { DEVICEHQ, EMNIFY, call, sleep } from './support.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 8);

/** Everything the clients were told (a 2xx arrived), and what was still in flight at the kill. */
interface Acknowledged {
  /** DeviceHQ: the last session token acknowledged, older (replaced or closed) ones, and whether a change was in flight. */
  session: string | null;
  deadSessions: string[];
  sessionInFlight: boolean;
  /** emnify application tokens created (id → token) and revoked (ids). */
  appTokens: Map<number, string>;
  revoked: Set<number>;
  revokeInFlight: Set<number>;
  /** RFCx guardians registered with the invite (guid → token) and how many redemptions that used. */
  guardians: Map<string, string>;
  redeemInFlight: boolean;
  /** Redemptions that were in flight at a kill: each may or may not have been made durable. */
  unackedRedemptions: number;
}

const INVITE = { guidHalf: 'crash1', secretHalf: 'secret', redemptions: 100_000 };

describe('crash safety with --state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'authmock-crash-'));
  const stateFile = join(dir, 'state.db');
  const DATABASE_FILES = new Set(['state.db', 'state.db-wal', 'state.db-shm']);
  let running: Spawned | undefined;
  const ack: Acknowledged = {
    session: null,
    deadSessions: [],
    sessionInFlight: false,
    appTokens: new Map(),
    revoked: new Set(),
    revokeInFlight: new Set(),
    guardians: new Map(),
    redeemInFlight: false,
    unackedRedemptions: 0,
  };
  /** Rows found in the database after each kill (it grows: the kills land while it is being written). */
  const rowsAfterKill: number[] = [];
  /** Never reused across rounds: a guid registered but not acknowledged before a kill must not be sent again. */
  let guidSerial = 0;

  afterAll(async () => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (): Promise<Spawned> => serve(['--state', stateFile, '--log-level', 'info'], 30_000);
  const bearerOf = async (base: string): Promise<Record<string, string>> => {
    const login = await call(base, 'POST', '/emnify/api/v1/authenticate', { json: { username: EMNIFY.username, password: EMNIFY.password } });
    expect(login.status).toBe(200);
    return { authorization: `Bearer ${(login.json as { auth_token: string }).auth_token}` };
  };

  /** Every acknowledged change is present after a restart; nothing dead came back. */
  async function verify(base: string, round: number): Promise<void> {
    const where = `after restart ${round}`;
    // DeviceHQ: the acknowledged session still works unless a newer sign-in was in flight (it may have replaced it).
    if (ack.session) {
      const res = await call(base, 'GET', '/devicehq/api/v2/test', { headers: { 'x-auth-token': ack.session } });
      if (!ack.sessionInFlight) expect(res.status, `${where}: acknowledged DeviceHQ session`).toBe(200);
      else expect([200, 401]).toContain(res.status);
    }
    for (const dead of ack.deadSessions.slice(-5)) {
      expect((await call(base, 'GET', '/devicehq/api/v2/test', { headers: { 'x-auth-token': dead } })).status, `${where}: a replaced session came back`).toBe(401);
    }
    // emnify: every acknowledged application token is listed; revoked ones stay revoked and never authenticate.
    const bearer = await bearerOf(base);
    const listed = (await call(base, 'GET', '/emnify/api/v1/application_token', { headers: bearer })).json as Array<{ id: number; status: { id: number } }>;
    const recent = new Set([...ack.appTokens.keys()].slice(-6));
    for (const [id, token] of ack.appTokens) {
      const entry = listed.find((t) => t.id === id);
      expect(entry, `${where}: acknowledged application token ${id} is listed`).toBeDefined();
      if (ack.revoked.has(id)) expect(entry!.status.id, `${where}: revoked token ${id} stays revoked`).toBe(1);
      else if (!ack.revokeInFlight.has(id)) expect(entry!.status.id, `${where}: token ${id} is active`).toBe(0);
      if (!recent.has(id) || ack.revokeInFlight.has(id)) continue; // authenticate with the latest few only (bounded time)
      const login = await call(base, 'POST', '/emnify/api/v1/authenticate', { json: { application_token: token } });
      expect(login.status, `${where}: token ${id} (revoked: ${ack.revoked.has(id)}) authenticates`).toBe(ack.revoked.has(id) ? 401 : 200);
    }
    // RFCx: every acknowledged redemption stays used, and each registered guardian's token works.
    const state = (await call(base, 'GET', '/__admin/state')).json as {
      providers: { rfcx: { registration_tokens: Array<{ guid: string; redemptions_left: number }> } };
    };
    const invite = state.providers.rfcx.registration_tokens.find((r) => r.guid === INVITE.guidHalf);
    if (invite) {
      const used = INVITE.redemptions - invite.redemptions_left;
      expect(used, `${where}: redemptions used`).toBeGreaterThanOrEqual(ack.guardians.size);
      expect(used).toBeLessThanOrEqual(ack.guardians.size + ack.unackedRedemptions);
    }
    const sample = [...ack.guardians.entries()].slice(-5);
    for (const [guid, token] of sample) {
      const ping = await call(base, 'POST', `/rfcx/v2/guardians/${guid}/pings`, { headers: { 'x-auth-user': `guardian/${guid}`, 'x-auth-token': token }, json: {} });
      expect(ping.status, `${where}: registered guardian ${guid}`).toBe(200);
    }
    // No temp file survives a restart.
    expect(readdirSync(dir).filter((name) => !DATABASE_FILES.has(name)), `${where}: files left in the state directory`).toEqual([]);
  }

  /** Mutating traffic on three sequential lanes until `stop()`; records what was acknowledged. */
  function drive(base: string, bearer: Record<string, string>): { stop(): void; done: Promise<void> } {
    let stopped = false;
    const quiet = <T>(p: Promise<T>): Promise<T | undefined> => p.catch(() => undefined);
    const devicehq = async (): Promise<void> => {
      for (let i = 0; i < 10_000 && !stopped; i++) {
        ack.sessionInFlight = true;
        const res = await quiet(call(base, 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEVICEHQ.key } }));
        if (!res) return; // killed: the sign-in stays "in flight"
        expect(res.status).toBe(200);
        if (ack.session) ack.deadSessions.push(ack.session);
        ack.session = (res.json as { meta: { token: string } }).meta.token;
        ack.sessionInFlight = false;
      }
    };
    const emnify = async (): Promise<void> => {
      for (let i = 0; i < 10_000 && !stopped; i++) {
        const created = await quiet(call(base, 'POST', '/emnify/api/v1/application_token', { headers: bearer, json: { description: `crash ${i}` } }));
        if (!created) return;
        expect(created.status).toBe(200);
        const token = (created.json as { application_token: string }).application_token;
        const list = await quiet(call(base, 'GET', '/emnify/api/v1/application_token', { headers: bearer }));
        if (!list) return;
        const mine = (list.json as Array<{ id: number; description: string }>).filter((t) => t.description === `crash ${i}` && !ack.appTokens.has(t.id));
        const id = Math.max(...mine.map((t) => t.id));
        ack.appTokens.set(id, token);
        if (i % 2 === 0) {
          ack.revokeInFlight.add(id);
          const revoked = await quiet(call(base, 'PATCH', `/emnify/api/v1/application_token/${id}`, { headers: bearer, json: { status: { id: 1 } } }));
          if (!revoked) return;
          expect(revoked.status).toBe(204);
          ack.revoked.add(id);
          ack.revokeInFlight.delete(id);
        }
      }
    };
    const rfcx = async (): Promise<void> => {
      for (let i = 0; i < 10_000 && !stopped; i++) {
        guidSerial += 1;
        const guid = `k${guidSerial.toString(36).padStart(11, '0')}`;
        ack.redeemInFlight = true;
        const res = await quiet(
          call(base, 'POST', '/rfcx/v2/guardians/register', { headers: { 'x-auth-user': 'register', 'x-auth-token': `${INVITE.guidHalf}${INVITE.secretHalf}` }, json: { guid } }),
        );
        if (!res) return;
        expect(res.status, res.text).toBe(200);
        ack.guardians.set(guid, (res.json as { token: string }).token);
        ack.redeemInFlight = false;
      }
    };
    const done = Promise.all([devicehq(), emnify(), rfcx()]).then(() => undefined);
    return { stop: () => (stopped = true), done };
  }

  it(`survives ${KILLS} SIGKILLs under mutating traffic without losing an acknowledged change`, async () => {
    for (let round = 0; round <= KILLS; round++) {
      running = await start();
      const base = running.url;
      if (round === 0) {
        const seeded = await call(base, 'POST', '/__admin/fixtures', {
          json: { rfcx: { registration_tokens: [{ code: `${INVITE.guidHalf}${INVITE.secretHalf}`, allowed_redemptions: INVITE.redemptions }] } },
        });
        expect(seeded.status).toBe(200);
      } else {
        await verify(base, round);
      }
      if (round === KILLS) break;
      const traffic = drive(base, await bearerOf(base));
      await sleep(150 + Math.floor(Math.random() * 450));
      running.child.kill('SIGKILL');
      await new Promise<void>((resolve) => (running!.child.exitCode !== null || running!.child.signalCode !== null ? resolve() : running!.child.once('exit', () => resolve())));
      traffic.stop();
      await traffic.done;
      if (ack.redeemInFlight) {
        ack.unackedRedemptions += 1;
        ack.redeemInFlight = false;
      }
      // The database is whole after every kill: SQLite's own check, and one row per record (no half-written value).
      const db = new Database(stateFile);
      try {
        expect(db.pragma('integrity_check', { simple: true }), `kill ${round + 1}: integrity`).toBe('ok');
        const rows = db.prepare<[], { value: string }>('SELECT value FROM records').all();
        for (const row of rows) expect(() => JSON.parse(row.value)).not.toThrow();
        rowsAfterKill.push(rows.length);
      } finally {
        db.close();
      }
    }
    expect(ack.guardians.size).toBeGreaterThan(0);
    expect(ack.appTokens.size).toBeGreaterThan(0);
    expect(ack.revoked.size).toBeGreaterThan(0);
    console.log(
      `crash: ${KILLS} kills survived on SQLite (rows after each kill: ${rowsAfterKill.join(', ')}); acknowledged ${ack.guardians.size} redemptions, ${ack.appTokens.size} application tokens (${ack.revoked.size} revoked), ${ack.deadSessions.length + 1} DeviceHQ sessions`,
    );
    await running?.stop('SIGTERM');
  }, 60_000 + KILLS * 8_000);
});
