import { test, expect, strings, rememberLanguage, axeViolations, screenshot, LANGS } from './fixtures';
import type { Page } from '@playwright/test';
import { IDP } from './playwright.config';

// Staff sign-in (#14) through the real OpenID Connect provider (tests/idp/idp.mjs, the npm
// package oidc-provider) and the reference server, which validates the access token against
// the provider's JWKS. One account per role; every account's password is the demo one.

const PASSWORD = 'osallistu-demo';
const IDP_ORIGIN = `http://127.0.0.1:${IDP}`;
const STAFF_CHUNK = /\/split_staff-[0-9a-f]{16}\.wasm$/;

/** Signs in at the provider's own form as `username`; `wrongFirst` tries a bad password first. */
async function signIn(page: Page, username: string, lang: 'fi' | 'sv' | 'en' = 'en', wrongFirst = false) {
  const t = strings[lang];
  await page.getByRole('button', { name: t.staff_sign_in }).click();
  await page.waitForURL((u) => u.origin === IDP_ORIGIN);
  const labels = { fi: ['Käyttäjätunnus', 'Salasana', 'Kirjaudu sisään'], sv: ['Användarnamn', 'Lösenord', 'Logga in'], en: ['Username', 'Password', 'Sign in'] }[lang];
  if (wrongFirst) {
    await page.getByLabel(labels[0]).fill(username);
    await page.getByLabel(labels[1]).fill('not-the-password');
    await page.getByRole('button', { name: labels[2], exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await page.getByLabel(labels[0]).fill(username);
  await page.getByLabel(labels[1]).fill(PASSWORD);
  await page.getByRole('button', { name: labels[2], exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/staff' && u.origin !== IDP_ORIGIN);
}

/** Every string either storage holds, to show that no token was kept there. */
async function stored(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
}

test('an editor signs in through the provider, sees their role, the token stays in memory, sign-out ends it', async ({ page }, info) => {
  const t = strings.en;
  await rememberLanguage(page, 'en');
  const tokenCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${IDP_ORIGIN}/token`)) tokenCalls.push(r.postData() ?? '');
  });
  await page.goto('/');
  await page.getByRole('link', { name: t.footer_staff }).click();
  await expect(page.locator('h1')).toHaveText(t.staff_title);

  await signIn(page, 'editor', 'en', true);
  await expect(page.getByRole('heading', { name: t.staff_signed_in_as.replace('{name}', 'Eeva Editori') })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: t.staff_role_editor })).toBeVisible();
  // The callback's one-time code is not left in the address or in history.
  expect(new URL(page.url()).search).toBe('');
  // PKCE: the code went to the token endpoint with its verifier and no client secret.
  expect(tokenCalls).toHaveLength(1);
  expect(tokenCalls[0]).toContain('grant_type=authorization_code');
  expect(tokenCalls[0]).toMatch(/code_verifier=[A-Za-z0-9_-]{43}/);
  expect(tokenCalls[0]).not.toContain('client_secret');
  // Tokens are held in memory only.
  expect(await stored(page)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  await screenshot(page, `${info.project.name}-en-staff-signed-in`);

  await page.getByRole('button', { name: t.staff_sign_out }).click();
  await expect(page.getByRole('button', { name: t.staff_sign_in })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/staff');
  // A reload does not bring the session back: it lived in the page's memory.
  await page.reload();
  await expect(page.getByRole('button', { name: t.staff_sign_in })).toBeVisible();
});

test('an account without a role is told so, in Finnish', async ({ page }) => {
  const t = strings.fi;
  await rememberLanguage(page, 'fi');
  await page.goto('/staff');
  await signIn(page, 'resident-staffless', 'fi');
  await expect(page.getByRole('heading', { name: t.staff_signed_in_as.replace('{name}', 'Tiina Tavallinen') })).toBeVisible();
  await expect(page.getByText(t.staff_no_roles)).toBeVisible();
});

test('a callback that was not started on this page is refused', async ({ page }) => {
  const t = strings.en;
  await rememberLanguage(page, 'en');
  await page.goto('/staff/callback?code=forged&state=forged');
  await expect(page.getByRole('alert')).toHaveText(t.staff_error_rejected);
  expect(new URL(page.url()).pathname).toBe('/staff');
  await expect(page.getByRole('button', { name: t.staff_sign_in })).toBeVisible();
});

test('the access token is renewed before it expires, with a rotated refresh token', async ({ page }) => {
  const t = strings.en;
  await rememberLanguage(page, 'en');
  await page.clock.install();
  const grants: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${IDP_ORIGIN}/token`)) grants.push(new URLSearchParams(r.postData() ?? '').get('grant_type') ?? '');
  });
  await page.goto('/staff');
  await signIn(page, 'moderator');
  await expect(page.getByRole('listitem').filter({ hasText: t.staff_role_moderator })).toBeVisible();
  // The provider's access tokens last 300 s; renewal starts a minute before.
  const renewed = page.waitForResponse((r) => r.url().startsWith(`${IDP_ORIGIN}/token`) && (r.request().postData() ?? '').includes('grant_type=refresh_token'));
  await page.clock.runFor(241_000);
  await renewed;
  expect(grants).toEqual(['authorization_code', 'refresh_token']);
  // The app plans the next renewal once it has read the answer: let it, before time jumps again.
  await page.waitForTimeout(300);
  await page.clock.runFor(241_000);
  await expect.poll(() => grants).toEqual(['authorization_code', 'refresh_token', 'refresh_token']);
  await expect(page.getByRole('heading', { name: t.staff_signed_in_as.replace('{name}', 'Mikko Moderaattori') })).toBeVisible();
});

test('a resident never downloads the staff chunk, its strings or anything from the provider', async ({ page }) => {
  const t = strings.en;
  await rememberLanguage(page, 'en');
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  for (const path of ['/', '/plans', '/plans/1', '/events', '/projects', '/projects/1', '/followed', '/accessibility']) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
  }
  await page.waitForLoadState('networkidle');
  expect(seen.filter((u) => STAFF_CHUNK.test(new URL(u).pathname))).toEqual([]);
  expect(seen.filter((u) => u.includes('/i18n/staff-'))).toEqual([]);
  expect(seen.filter((u) => u.startsWith(IDP_ORIGIN))).toEqual([]);
  // The service worker's list of files to keep offline leaves them out too.
  const precache: string[] = await (await page.request.get('/precache.json')).json();
  expect(precache.filter((f) => f.includes('staff'))).toEqual([]);
  await expect(page.getByRole('link', { name: t.footer_staff })).toBeVisible();
});

test('a kiosk offers no staff sign-in', async ({ page }) => {
  // A kiosk remembers no language: it starts in the municipality's default, Finnish.
  const t = strings.fi;
  await page.goto('/?kiosk=1');
  await expect(page.locator('.os-root.os-kiosk')).toBeVisible();
  await expect(page.getByRole('link', { name: t.footer_accessibility })).toBeVisible();
  await expect(page.getByRole('link', { name: t.footer_staff })).toHaveCount(0);
  await page.goto('/staff');
  await expect(page.locator('.os-root.os-kiosk')).toBeVisible();
  await expect(page.getByText(t.staff_kiosk)).toBeVisible();
  await expect(page.getByRole('button', { name: t.staff_sign_in })).toHaveCount(0);
});

for (const lang of LANGS) {
  test(`the staff pages pass axe in ${lang}, signed out and signed in`, async ({ page }, info) => {
    const t = strings[lang];
    await rememberLanguage(page, lang);
    await page.goto('/staff');
    await expect(page.getByRole('button', { name: t.staff_sign_in })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page, 'admin', lang);
    await expect(page.getByRole('listitem').filter({ hasText: t.staff_role_admin })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${info.project.name}-${lang}-staff`);
  });
}
