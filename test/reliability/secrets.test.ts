// Secrets: a canary run of the built CLI (JSON logs, level info) through every flow, then a scan of everything it
// logged, every error body, every X-Mock-Problem header and the admin views for any issued or seeded secret.
// And a scan of src/ that secrets are compared only with safeEqual (never === / !==).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Spawned } from '../e2e/spawn.js';
import { DEVICEHQ, DUET, EMNIFY, RFCX, call } from './support.js';

type Answer = Awaited<ReturnType<typeof call>>;

describe('secrets canary (built CLI, --log-format json --log-level info)', () => {
  let cli: Spawned;
  /** Every secret a client held during the run: seeded and issued. */
  const secrets = new Map<string, string>();
  /** What failed requests sent back: bodies and X-Mock-Problem headers. */
  const refusals: Array<{ what: string; text: string }> = [];
  let base: string;

  const remember = (label: string, value: string | undefined): void => {
    expect(value, label).toBeTypeOf('string');
    secrets.set(value!, label);
  };
  const send = async (what: string, method: string, path: string, init: Parameters<typeof call>[3] = {}): Promise<Answer> => {
    const res = await call(base, method, path, init);
    if (res.status >= 400) {
      refusals.push({ what: `${what} body (${res.status})`, text: res.text });
      refusals.push({ what: `${what} X-Mock-Problem`, text: res.headers.get('x-mock-problem') ?? '' });
    }
    return res;
  };
  const refused = async (what: string, method: string, path: string, init: Parameters<typeof call>[3] = {}): Promise<void> => {
    const res = await send(what, method, path, init);
    expect(res.status, `${what}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(res.status, what).toBeLessThan(500);
  };

  beforeAll(async () => {
    cli = await serve(['--log-level', 'info'], 30_000);
    base = cli.url;
    for (const [label, value] of Object.entries({
      'DeviceHQ API key': DEVICEHQ.key,
      'DeviceHQ other API key': DEVICEHQ.otherKey,
      'Duet application token': DUET.app,
      'Duet password': DUET.password,
      'RFCx guardian token': RFCX.guardian.token,
      'RFCx other guardian token': RFCX.other.token,
      'RFCx user password': RFCX.user.password,
      'RFCx user token': RFCX.user.token,
      'RFCx temporary token': RFCX.temp.token,
      'emnify SHA-1': EMNIFY.password,
      'emnify other SHA-1': '425a9edd2b595647549aad12cb096ebff11d0209',
      'emnify application token': EMNIFY.appToken,
    })) remember(label, value);

    // ── Every flow, succeeding ─────────────────────────────────────────────────────────────────────────
    const session = await send('devicehq sign-in', 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEVICEHQ.key } });
    const token = (session.json as { meta: { token: string } }).meta.token;
    remember('DeviceHQ session token', token);
    expect((await send('devicehq test', 'GET', `/devicehq/api/v2/test?token=${token}`)).status).toBe(200);
    const other = await send('devicehq sign-in (query)', 'PUT', `/devicehq/api/v2/session?api_key=${DEVICEHQ.otherKey}`);
    remember('DeviceHQ other session token', (other.json as { meta: { token: string } }).meta.token);

    const newPassword = 'canary-duet-password-7731';
    const created = await send('duet create', 'POST', '/duet/1/account', {
      headers: { 'x-application-token': DUET.app },
      form: { 'account[first_name]': 'Canary', 'account[email]': 'canary@duet.example', 'account[password]': newPassword, 'account[phone]': '4155550777' },
    });
    expect(created.status).toBe(200);
    remember('Duet new password', newPassword);
    const signIn = await send('duet sign-in', 'POST', '/duet/1/account/sign_in', {
      headers: { 'x-application-token': DUET.app },
      json: { account: { login: 'canary@duet.example', password: newPassword } },
    });
    const duetToken = (signIn.json as { account: { authentication_token: string } }).account.authentication_token;
    remember('Duet account token', duetToken);
    const changed = 'canary-duet-password-changed-99';
    expect(
      (
        await send('duet change password', 'POST', '/duet/1/account/change_password', {
          headers: { 'x-application-token': DUET.app, 'x-account-token': duetToken },
          json: { account: { password: changed, password_confirmation: changed } },
        })
      ).status,
    ).toBe(200);
    remember('Duet changed password', changed);

    const login = await send('rfcx login', 'POST', '/rfcx/v1/users/login', { form: { email: RFCX.user.email, password: RFCX.user.password } });
    const rfcxToken = (login.json as Array<{ tokens: Array<{ token: string }> }>)[0]!.tokens[0]!.token;
    remember('RFCx issued user token', rfcxToken);
    const registered = await send('rfcx register', 'POST', '/rfcx/v2/guardians/register', {
      headers: { 'x-auth-user': RFCX.invite.user, 'x-auth-token': RFCX.invite.token },
      json: { guid: 'canary000001' },
    });
    remember('RFCx registered guardian token', (registered.json as { token: string }).token);
    const chosen = 'canarytoken0000000000000000000000000001x';
    const registered2 = await send('rfcx register with a token', 'POST', '/rfcx/v2/guardians/register', {
      headers: { 'x-auth-user': RFCX.invite.user, 'x-auth-token': RFCX.invite.token },
      form: { guid: 'canary000002', token: chosen },
    });
    expect(registered2.status).toBe(200);
    remember('RFCx chosen guardian token', chosen);
    expect((await send('rfcx checkin', 'POST', `/rfcx/v1/guardians/canary000002/checkins?auth_user=guardian/canary000002&auth_token=${chosen}`)).status).toBe(200);

    const auth = await send('emnify login', 'POST', '/emnify/api/v1/authenticate', { json: { username: EMNIFY.username, password: EMNIFY.password } });
    const { auth_token, refresh_token } = auth.json as { auth_token: string; refresh_token: string };
    remember('emnify auth_token', auth_token);
    remember('emnify refresh_token', refresh_token);
    const bearer = { authorization: `Bearer ${auth_token}` };
    const appToken = await send('emnify create app token', 'POST', '/emnify/api/v1/application_token', { headers: bearer, json: { description: 'canary' } });
    const issuedApp = (appToken.json as { application_token: string }).application_token;
    remember('emnify issued application token', issuedApp);
    const appAuth = await send('emnify app login', 'POST', '/emnify/api/v1/authenticate', { json: { application_token: issuedApp } });
    remember('emnify app auth_token', (appAuth.json as { auth_token: string }).auth_token);
    const refreshed = await send('emnify refresh', 'POST', '/emnify/api/v1/authenticate', { json: { refresh_token } });
    remember('emnify refreshed auth_token', (refreshed.json as { auth_token: string }).auth_token);

    // ── The same secrets in failing requests, where a careless error message would echo them ────────────
    await refused('devicehq key twice', 'POST', `/devicehq/api/v2/session?api_key=${DEVICEHQ.key}&api_key=${DEVICEHQ.key}`);
    await refused('devicehq key in header and query', 'POST', `/devicehq/api/v2/session?api_key=${DEVICEHQ.key}`, { headers: { 'x-api-key': DEVICEHQ.key } });
    await refused('devicehq key in header and body', 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': DEVICEHQ.key }, json: { api_key: DEVICEHQ.otherKey } });
    await refused('devicehq session token as API key', 'POST', '/devicehq/api/v2/session', { headers: { 'x-api-key': token } });
    await refused('devicehq token twice', 'GET', `/devicehq/api/v2/test?token=${token}&token=${token}`);
    await refused('devicehq token as limit', 'GET', `/devicehq/api/v2/devices?limit=${token}`, { headers: { 'x-auth-token': token } });
    await refused('devicehq API key as session token', 'GET', '/devicehq/api/v2/test', { headers: { 'x-auth-token': DEVICEHQ.key } });
    await refused('duet wrong login, right password', 'POST', '/duet/1/account/sign_in', { headers: { 'x-application-token': DUET.app }, json: { account: { login: 'nobody@duet.example', password: DUET.password } } });
    await refused('duet old password', 'POST', '/duet/1/account/sign_in', { headers: { 'x-application-token': DUET.app }, json: { account: { login: 'canary@duet.example', password: newPassword } } });
    await refused('duet swapped tokens', 'GET', '/duet/1/account', { headers: { 'x-application-token': duetToken, 'x-account-token': DUET.app } });
    await refused('duet account token with an unknown application', 'GET', '/duet/1/account', { headers: { 'x-application-token': 'duet-unknown-app', 'x-account-token': duetToken } });
    await refused('duet taken email, password as name', 'POST', '/duet/1/account', { headers: { 'x-application-token': DUET.app }, json: { account: { first_name: DUET.password, email: DUET.login, password: DUET.password, password_confirmation: changed, phone: '4155550777' } } });
    await refused('rfcx wrong email, right password', 'POST', '/rfcx/v1/users/login', { json: { email: 'nobody@rfcx.example', password: RFCX.user.password } });
    await refused('rfcx password as email', 'POST', '/rfcx/v1/users/login', { json: { email: RFCX.user.password, password: rfcxToken } });
    await refused('rfcx token as guid', 'GET', `/rfcx/v1/guardians/${RFCX.guardian.guid}/software/guardian`, { headers: { 'x-auth-user': `user/${rfcxToken}`, 'x-auth-token': rfcxToken } });
    await refused('rfcx guardian token elsewhere', 'POST', `/rfcx/v1/guardians/${RFCX.other.guid}/checkins`, { headers: { 'x-auth-user': `guardian/${RFCX.guardian.guid}`, 'x-auth-token': RFCX.guardian.token }, json: {} });
    await refused('rfcx token as body guid', 'POST', '/rfcx/v2/guardians/register', { headers: { 'x-auth-user': RFCX.invite.user, 'x-auth-token': RFCX.invite.token }, json: { guid: rfcxToken, token: RFCX.guardian.token.toUpperCase() } });
    await refused('emnify SHA-1 in upper case', 'POST', '/emnify/api/v1/authenticate', { json: { username: EMNIFY.username, password: EMNIFY.password.toUpperCase() } });
    await refused('emnify password and app token', 'POST', '/emnify/api/v1/authenticate', { json: { username: EMNIFY.username, password: EMNIFY.password, application_token: issuedApp } });
    await refused('emnify JWT as app token', 'POST', '/emnify/api/v1/authenticate', { json: { application_token: auth_token } });
    await refused('emnify auth token as refresh token', 'POST', '/emnify/api/v1/authenticate', { json: { refresh_token: auth_token } });
    await refused('emnify refresh token as bearer', 'GET', '/emnify/api/v1/endpoint', { headers: { authorization: `Bearer ${refresh_token}` } });
    await refused('emnify JWT with another scheme', 'GET', '/emnify/api/v1/endpoint', { headers: { authorization: `Token ${auth_token}` } });
    await refused('emnify tampered JWT', 'GET', '/emnify/api/v1/endpoint', { headers: { authorization: `Bearer ${auth_token}x` } });
    await refused('emnify app token as ip', 'POST', '/emnify/api/v1/application_token', { headers: bearer, json: { description: 'x', ip: issuedApp, expiry_date: refresh_token } });
    for (let i = 0; i < 4; i++) {
      await refused(`emnify wrong password ${i}`, 'POST', '/emnify/api/v1/authenticate', { json: { username: 'other@domain.com', password: EMNIFY.password } });
    }
    await refused('emnify locked user, right password', 'POST', '/emnify/api/v1/authenticate', { json: { username: 'other@domain.com', password: '425a9edd2b595647549aad12cb096ebff11d0209' } });

    // The admin views a developer opens must mask everything as well.
    const state = await send('admin state', 'GET', '/__admin/state');
    refusals.push({ what: 'GET /__admin/state', text: state.text });
    const requests = await send('admin requests', 'GET', '/__admin/requests');
    refusals.push({ what: 'GET /__admin/requests', text: requests.text });
    expect(await cli.stop('SIGTERM')).toBe(0);
  }, 60_000);
  afterAll(async () => {
    if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
  });

  const leaks = (text: string): string[] => [...secrets].filter(([value]) => value.length >= 8 && text.includes(value)).map(([, label]) => label);

  it('logged one JSON line per request (the canary saw the traffic)', () => {
    const lines = cli.output().split('\n').filter((l) => l.startsWith('{'));
    const requests = lines.filter((l) => (JSON.parse(l) as { msg?: string }).msg === 'request');
    expect(requests.length).toBeGreaterThan(40);
    expect(secrets.size).toBeGreaterThan(20);
  });

  it('finds no token, password, SHA-1 or API key in the log (start-up banner included)', () => {
    const lines = cli.output().split('\n');
    expect(lines.some((l) => l.includes('"banner"'))).toBe(true);
    const found = lines.flatMap((line, i) => leaks(line).map((label) => `line ${i}: ${label}: ${line.slice(0, 300)}`));
    expect(found).toEqual([]);
  });

  it('finds no secret in any error body, X-Mock-Problem header or admin view', () => {
    expect(refusals.length).toBeGreaterThan(50);
    const found = refusals.flatMap(({ what, text }) => leaks(text).map((label) => `${what}: ${label}: ${text.slice(0, 300)}`));
    expect(found).toEqual([]);
  });
});

describe('secret comparisons in src/', () => {
  const root = new URL('../../src/', import.meta.url).pathname;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? (name === 'generated' ? [] : files(path)) : name.endsWith('.ts') ? [path] : [];
    });

  /** A name for a secret itself (not its hash, hint, salt, id, type or length). */
  const SECRET_NAME = /(?:token|secret|password|passwd|api_?key|private_?key|sha1|credential)$/i;
  const LITERAL = /^(?:undefined|null|true|false|-?\d[\d_.]*|'[^']*'|"[^"]*"|`[^`]*`)$/;
  /** `a === b` / `a !== b` with both sides an expression (not a literal), as `x.y`, `x['y']`, `(x ?? '')`. */
  const COMPARISON = /([\w$.\]\['"]+|\([^()]*\))\s*([!=]==)\s*([\w$.\]\['"]+|\([^()]*\))/g;
  const nameOf = (operand: string): string => {
    const inner = operand.replace(/^\(|\)$/g, '').split('??')[0]!.trim();
    const bracket = /\[['"]([^'"]+)['"]\]$/.exec(inner);
    return bracket ? bracket[1]! : (inner.split('.').pop() ?? inner).replace(/[^\w$]/g, '');
  };
  const isLiteral = (operand: string): boolean => LITERAL.test(operand.replace(/^\(|\)$/g, '').trim());

  it('compares secrets only with safeEqual: no === / !== where either side is named as a secret', () => {
    const found: string[] = [];
    for (const file of files(root)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*)/.test(line)) return;
          for (const match of line.matchAll(COMPARISON)) {
            const [, left, , right] = match as unknown as [string, string, string, string];
            if (isLiteral(left) || isLiteral(right) || /typeof\s*$/.test(line.slice(0, match.index))) continue;
            if (SECRET_NAME.test(nameOf(left)) || SECRET_NAME.test(nameOf(right))) found.push(`src/${relative(root, file)}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(found).toEqual([]);
  });

  it('the scan itself catches a plain comparison and ignores hashes and literals (calibration)', () => {
    const sample = [
      'if (token === stored.token) return;',
      'if (given !== account.password) fail();',
      "if (confirmation !== (password ?? '')) add();",
      'if (a.apiKeyHash !== b.apiKeyHash) x();',
      'if (token === undefined) return;',
      "if (payload['token_use'] !== use) return;",
      "if (password === '') return;",
    ];
    const flagged = sample.filter((line) =>
      [...line.matchAll(COMPARISON)].some(([, l, , r]) => !isLiteral(l!) && !isLiteral(r!) && (SECRET_NAME.test(nameOf(l!)) || SECRET_NAME.test(nameOf(r!)))),
    );
    expect(flagged).toEqual(sample.slice(0, 3));
  });
});
