import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, strings, rememberLanguage, axeViolations, screenshot } from './fixtures';

// The same build, configured (config.json only) for plans from Kerrokantasi, events from
// Linked Events and projects from the reference server. Kerrokantasi and Linked Events are the
// fakes in fakes/backends.mjs, answering with the recorded real responses; each test checks
// what the fake received, request by request.

const en = strings.en;
const port = Number(process.env.OSALLISTU_E2E_PORT ?? 4817);
const APP = `http://127.0.0.1:${port + 3}`;
const KK = `http://127.0.0.1:${port + 1}`;
const LE = `http://127.0.0.1:${port + 2}`;

type Recorded = { method: string; path: string; query: Record<string, string>; authorization: string | null; body: any };

async function received(request: APIRequestContext, fake: string): Promise<Recorded[]> {
  const r = await request.get(`${fake}/__requests`);
  expect(r.status()).toBe(200);
  return r.json();
}

function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function open(page: Page, path: string) {
  await rememberLanguage(page, 'en');
  await page.goto(`${APP}${path}`);
}

test('Kerrokantasi: browse hearings, comment on a point placed with the keyboard, vote', async ({ page, request, blocked }, info) => {
  await open(page, '/plans');
  const card = page.locator('.os-plan-card', { hasText: 'City centre cycle routes' });
  await expect(card).toBeVisible();
  await expect(page.locator('.os-plan-card', { hasText: 'Park renovation' })).toBeVisible();
  const list = (await received(request, KK)).filter((r) => r.path === '/v1/hearing/');
  expect(list.length).toBeGreaterThan(0);
  expect(list.every((r) => r.authorization === null)).toBe(true);
  expect(list[0].query).toMatchObject({ include: 'geojson' });

  await card.getByRole('link').click();
  await expect(page.locator('h1')).toContainText('City centre cycle routes');
  await expect(page.locator('.os-comment').first()).toBeVisible();
  // Kerrokantasi has no public reporting: no button that would fail.
  await expect(page.getByRole('button', { name: en.plans_report })).toHaveCount(0);

  const text = unique('Pyöräkaistalle lisää tilaa');
  await page.getByLabel(en.plans_form_text).fill(text);
  await page.getByLabel(en.plans_form_nickname).fill('Aino');
  await page.getByLabel(en.plans_location_point).check();
  await page.getByRole('button', { name: en.plans_location_add_centre }).click();
  await expect(page.locator('.os-map-vertex')).toHaveCount(1);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('.os-form__status').first()).toHaveText(en.plans_send_sent);
  const mine = page.locator('.os-comment', { hasText: text });
  await expect(mine).toBeVisible();

  // What Kerrokantasi received: one POST, trailing slash, the point as GeoJSON.
  const posts = (await received(request, KK)).filter((r) => r.method === 'POST' && r.body?.content === text);
  expect(posts).toHaveLength(1);
  expect(posts[0].path).toBe('/v1/hearing/kkOpenHearing000000000000000001/sections/kkMainSection00000000000000001/comments/');
  expect(posts[0].body.author_name).toBe('Aino');
  const geometry = posts[0].body.geojson.type === 'Feature' ? posts[0].body.geojson.geometry : posts[0].body.geojson;
  expect(geometry.type).toBe('Point');
  expect(geometry.coordinates).toHaveLength(2);
  expect(geometry.coordinates[0]).toBeGreaterThan(19); // longitude first, in Finland
  expect(geometry.coordinates[1]).toBeGreaterThan(59);

  // Vote for it: the vote endpoint of its section.
  await mine.getByRole('button', { name: /vote/i }).first().click();
  const id = await lastId(request, text);
  await expect
    .poll(async () => (await received(request, KK)).filter((r) => r.method === 'POST' && r.path.endsWith(`/comments/${id}/vote/`)).length)
    .toBe(1);
  await screenshot(page, `${info.project.name}-en-kerrokantasi-hearing`);
  expect(await axeViolations(page)).toEqual([]);
  expect(blocked).toEqual([]);
});

async function lastId(request: APIRequestContext, text: string): Promise<number> {
  const r = await request.get(`${KK}/v1/hearing/kkOpenHearing000000000000000001/sections/kkMainSection00000000000000001/comments/`);
  const items: { id: number; content: string }[] = await r.json();
  return items.find((c) => c.content === text)!.id;
}

test('Kerrokantasi: a closed hearing says so and offers no form', async ({ page }) => {
  await open(page, '/plans/kkClosedHearing00000000000000002');
  await expect(page.locator('h1')).toContainText('Park renovation');
  await expect(page.getByLabel(en.plans_form_text)).toHaveCount(0);
});

test('Linked Events: join with a signed-in token (seats reservation, then sign-up), then cancel', async ({ page, request, blocked }, info) => {
  await open(page, '/events');
  const card = page.locator('.os-ev-card', { hasText: 'Christmas concert' });
  await expect(card).toBeVisible();
  await expect(page.locator('.os-ev-card', { hasText: 'Christmas market' })).toBeVisible();
  // (The test runner's own readiness probe asks for /v1/event/ without a query.)
  const listed = (await received(request, LE)).filter((r) => r.path === '/v1/event/' && r.query.include);
  expect(listed.length).toBeGreaterThan(0);
  expect(listed[0].query).toMatchObject({ include: 'location,keywords', sort: 'start_time' });

  await card.getByRole('link').first().click();
  await expect(page.locator('h1')).toContainText('Christmas concert');
  await expect(page.getByRole('heading', { name: en.ev_join_title, level: 2 })).toBeVisible();
  // Keywords by their names from Linked Events, not their ids.
  await expect(page.locator('.os-ev-facts')).toContainText('children, music');
  // Linked Events serves no calendar file: no link that would fail.
  await expect(page.getByRole('link', { name: en.ev_add_calendar })).toHaveCount(0);

  // This registration requires a phone number: the form asks for it and says when it's missing.
  const name = `Maija ${info.project.name} ${Date.now().toString(36)}`;
  await page.getByLabel(en.ev_join_name).fill(name);
  await page.getByLabel(en.ev_join_consent).check();
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('#ev-join-phone-error')).toHaveText(en.ev_err_phone_required);
  await expect(page.getByLabel(en.ev_join_name)).toHaveValue(name);
  await page.getByLabel(en.ev_join_phone).fill('040 123 4567');
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.getByRole('heading', { name: en.ev_confirm_title })).toBeFocused();
  await expect(page.locator('.os-ev-confirm')).toContainText(en.ev_status_attending);

  const mine = (await received(request, LE)).filter((r) => r.method === 'POST');
  const signup = mine.find((r) => r.path === '/v1/signup/' && r.body?.signups?.[0]?.last_name === name.split(' ').pop())!;
  expect(signup, 'the sign-up reached Linked Events').toBeTruthy();
  const reservation = mine.find((r) => r.path === '/v1/seats_reservation/' && r.authorization === signup.authorization)!;
  expect(reservation.body).toEqual({ registration: 1, seats: 1 });
  expect(signup.authorization).toBe('Bearer fake-linked-events-token');
  expect(signup.body.signups[0]).toMatchObject({ phone_number: '040 123 4567', first_name: name.split(' ').slice(0, -1).join(' ') });
  expect(signup.body.signups[0].contact_person).toMatchObject({ service_language: 'en', notifications: 'none' });
  // The token is never put in storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('fake-linked-events-token');
  await screenshot(page, `${info.project.name}-en-linked-events-joined`);
  expect(await axeViolations(page)).toEqual([]);

  // Cancel with the link from the confirmation: DELETE signup/{id}/.
  await page.getByTestId('ev-cancel-link').click();
  await page.getByRole('button', { name: en.ev_cancel_submit }).click();
  await expect(page.locator('.os-ev-cancel__done')).toHaveText(en.ev_cancel_done);
  const deletes = (await received(request, LE)).filter((r) => r.method === 'DELETE');
  expect(deletes.some((d) => /^\/v1\/signup\/\d+\/$/.test(d.path) && d.authorization === 'Bearer fake-linked-events-token')).toBe(true);
  expect(blocked).toEqual([]);
});

test('projects still come from the reference server in the same app', async ({ page, request }) => {
  await open(page, '/projects');
  const r = await request.get(`${APP}/api/v1/projects?limit=100`);
  expect(r.status()).toBe(200);
  const projects: { title: Record<string, string> }[] = (await r.json()).items;
  expect(projects.length).toBeGreaterThan(0);
  for (const p of projects) {
    await expect(page.getByRole('link', { name: p.title.en ?? p.title.fi })).toBeVisible();
  }
});

test('Linked Events without a token source: the page links to the organiser\'s sign-up instead of a form', async ({ page, request }) => {
  const config = await (await request.get(`${APP}/config.json`)).json();
  delete config.backends.events.auth;
  await page.route('**/config.json', (route) => route.fulfill({ json: config }));
  await open(page, '/events/ledev:agramxztry');
  await expect(page.locator('h1')).toContainText('Christmas concert');
  await expect(page.getByText(en.ev_join_elsewhere)).toBeVisible();
  await expect(page.getByRole('link', { name: en.ev_join_elsewhere_link })).toHaveAttribute(
    'href',
    'http://127.0.0.1:8088/en/registration/1/signup-group/create',
  );
  await expect(page.getByLabel(en.ev_join_name)).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});
