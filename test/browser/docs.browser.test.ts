// The docs in headless Chromium: /docs on the running mock (four sign-ins listed, one performed, the flows drawn, the
// admin API shown), and a built site on file://.

import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocs } from '../../src/docs/build-docs.js';
import { DEFAULT_DOCUMENT } from '../../src/paths.js';
import { startMock, type StartedMock } from '../helpers/harness.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARTIFACTS = 'test-results/browser';
const SIGN_INS = [
  ['Duet', 'duetSignIn'],
  ['DeviceHQ', 'devicehqCreateSession'],
  ['RFCx', 'rfcxUserLogin'],
  ['emnify', 'emnifyAuthenticate'],
] as const;

/** The page's globals used below (the project's tsconfig has no DOM lib; the casts vanish before the code reaches the page). */
interface BrowserWindow {
  scrollY: number;
  getComputedStyle(element: unknown): { whiteSpace: string };
}

let browser: Browser;
let mock: StartedMock;

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  [browser, mock] = await Promise.all([
    chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    }),
    startMock(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await mock?.close();
});

/** A page that fails the test on any script error, and that records every URL it requests. */
async function openPage(url: string): Promise<{ page: Page; requested: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requested: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('.swagger-ui .opblock-tag').first().waitFor({ timeout: 20_000 });
  return { page, requested, errors };
}

describe('/docs on the running mock', () => {
  it('lists the four providers with their sign-in operations, and signs in to emnify through the page', async () => {
    const { page, requested, errors } = await openPage(`${mock.url}/docs/`);

    for (const [tag, operationId] of SIGN_INS) {
      await expect(page.locator(`.opblock-tag[data-tag="${tag}"]`).isVisible()).resolves.toBe(true);
      const summary = page.locator(`#operations-${tag}-${operationId} .opblock-summary-operation-id`);
      await expect(summary.innerText()).resolves.toBe(operationId);
    }
    // "Try it out" points at this mock.
    await expect(page.locator('#swagger-ui .servers select option').allInnerTexts()).resolves.toEqual([`${mock.url} - this authmock`]);

    const operation = page.locator('#operations-emnify-emnifyAuthenticate');
    await operation.locator('.opblock-summary-control').click();
    // tryItOutEnabled opens it in "try it out" mode already; click the button only if it is still offered.
    const tryItOut = operation.locator('button.try-out__btn', { hasText: 'Try it out' });
    if (await tryItOut.isVisible()) await tryItOut.click();
    const body = operation.locator('textarea.body-param__text');
    await expect(body.inputValue()).resolves.toContain('user@domain.com');
    expect(JSON.parse(await body.inputValue())).toEqual({ username: 'user@domain.com', password: '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12' });

    await operation.locator('button.execute').click();
    const live = operation.locator('.live-responses-table .response');
    await live.first().waitFor({ timeout: 15_000 });
    await expect(live.first().locator('.response-col_status').innerText()).resolves.toBe('200');
    const shown = await live.first().locator('.response-col_description pre').first().innerText();
    const tokens = JSON.parse(shown) as { auth_token: string; refresh_token: string };
    expect(tokens.auth_token.split('.')).toHaveLength(3);
    expect(tokens.refresh_token).toEqual(expect.any(String));

    expect(requested).toContain(`${mock.url}/emnify/api/v1/authenticate`);
    expect(requested.every((url) => url.startsWith(`${mock.url}/`) || url.startsWith('data:'))).toBe(true);
    expect(errors).toEqual([]);
    // The artifact: the operation from its summary down to the live response (the whole page is ~10,000 px tall).
    const pageY = async (selector: string, edge: 'top' | 'bottom'): Promise<number> =>
      page.locator(selector).first().evaluate((el, e) => el.getBoundingClientRect()[e] + (globalThis as unknown as BrowserWindow).scrollY, edge);
    const top = await pageY('#operations-emnify-emnifyAuthenticate', 'top');
    const bottom = await pageY('#operations-emnify-emnifyAuthenticate .live-responses-table', 'bottom');
    const clip = { x: 0, y: top - 8, width: 1280, height: bottom - top + 16 };
    await page.screenshot({ path: join(ARTIFACTS, 'docs.png'), fullPage: true, clip });
    await page.close();
  });

  it("shows the running mock's coverage per operation as a table with counts", async () => {
    await fetch(`${mock.url}/__admin/reset`, { method: 'POST' });
    await fetch(`${mock.url}/devicehq/api/v2/test`);
    const { page, errors } = await openPage(`${mock.url}/docs/`);
    const row = page.locator('#authmock-coverage tr', { hasText: 'devicehqTest' });
    await row.waitFor({ timeout: 15_000 });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[1]).toBe('1');
    expect(cells[2]).toContain('401 ×1');
    expect(cells[3]).toContain('missing ×1');
    expect(cells[4]).toContain('ok');
    await expect(page.locator('#authmock-coverage-status').innerText()).resolves.toMatch(/\d+ operations; \d+ with documented responses or auth outcomes never seen\./);
    expect(errors).toEqual([]);
    await page.locator('#coverage').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'docs-coverage.png') });
    await page.close();
  });

  it("draws each provider's flow as an SVG sequence diagram, made by authmock itself", async () => {
    const { page, requested, errors } = await openPage(`${mock.url}/docs/`);
    await page.locator('#flows > summary').click();
    for (const [tag] of SIGN_INS) {
      const svg = page.locator(`#flow-${tag.toLowerCase()} svg.sequence-diagram`);
      await expect(svg.isVisible()).resolves.toBe(true);
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(box?.height).toBeGreaterThan(150);
      // Every label fits inside the drawing (none is cut off at the edges).
      const overflow = await svg.evaluate((el) => {
        const outer = (el as unknown as { getBoundingClientRect(): { left: number; right: number } }).getBoundingClientRect();
        const texts = (el as unknown as { querySelectorAll(s: string): Array<{ getBoundingClientRect(): { left: number; right: number } }> }).querySelectorAll('text');
        return [...texts].filter((t) => t.getBoundingClientRect().left < outer.left - 1 || t.getBoundingClientRect().right > outer.right + 1).length;
      });
      expect(overflow).toBe(0);
    }
    await expect(page.locator('#flow-rfcx svg').innerHTML()).resolves.toContain('x-auth-user: register');
    await page.locator('#flows').screenshot({ path: join(ARTIFACTS, 'flows.png') });
    expect(requested.every((url) => url.startsWith(`${mock.url}/`) || url.startsWith('data:'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the admin API (clock, sandboxes, faults, state, request log) below the providers', async () => {
    const { page, errors } = await openPage(`${mock.url}/docs/`);
    const admin = page.locator('#swagger-ui-admin');
    await admin.locator('.opblock-tag').first().waitFor({ timeout: 20_000 });
    for (const operationId of ['adminListRequests', 'adminListFaults', 'adminCreateSandbox', 'adminGetState']) {
      await expect(admin.locator(`[id$="-${operationId}"]`).count()).resolves.toBe(1);
    }
    await expect(admin.locator('.servers select option').allInnerTexts()).resolves.toEqual([`${mock.url} - this authmock`]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('authmock docs --out, opened from file://', () => {
  it('renders the four provider tags offline, loading nothing but its own files', async () => {
    const out = await mkdtemp(join(tmpdir(), 'authmock-docs-browser-'));
    const built = await buildDocs({ document: DEFAULT_DOCUMENT, out, serverUrl: mock.url });
    const { page, requested, errors } = await openPage(pathToFileURL(built.index).href);
    await expect(page.locator('#swagger-ui .opblock-tag').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-tag')))).resolves.toEqual(
      SIGN_INS.map(([tag]) => tag),
    );
    for (const [tag, operationId] of SIGN_INS) {
      await expect(page.locator(`#operations-${tag}-${operationId}`).isVisible()).resolves.toBe(true);
    }
    await expect(page.locator('#swagger-ui .servers select option').allInnerTexts()).resolves.toEqual([`${mock.url} - this authmock`]);
    await expect(page.locator('#swagger-ui-admin .opblock-tag').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('svg.sequence-diagram').count()).resolves.toBe(4);
    expect(requested.every((url) => url.startsWith(pathToFileURL(out).href) || url.startsWith('data:'))).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'docs-file.png') });
    await page.close();
  });

  it('sends "Try it out" from the file:// page to the --server-url (the mock answers CORS for any origin)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'authmock-docs-browser-'));
    const built = await buildDocs({ document: DEFAULT_DOCUMENT, out, serverUrl: mock.url });
    const { page, errors } = await openPage(pathToFileURL(built.index).href);
    const operation = page.locator('#operations-emnify-emnifyAuthenticate');
    await operation.locator('.opblock-summary-control').click();
    await operation.locator('button.execute').click();
    const live = operation.locator('.live-responses-table .response').first();
    await live.waitFor({ timeout: 15_000 });
    await expect(live.locator('.response-col_status').innerText()).resolves.toBe('200');
    await expect(live.locator('.response-col_description pre').first().innerText()).resolves.toContain('"auth_token"');
    expect(errors).toEqual([]);
    await page.close();
  });
});
