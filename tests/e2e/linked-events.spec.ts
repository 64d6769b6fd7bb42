import type { APIRequestContext } from '@playwright/test';
import { test, expect, strings, axeViolations, screenshot } from './fixtures';
import { APP, LE, received, unique, open } from './fake-backends';

// The app with events from the fake Linked Events (fakes/linked-events.mjs) and projects from the reference server.

const en = strings.en;

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
  await expect(page.locator('#os-ev-join-phone-error')).toHaveText(en.ev_err_phone_required);
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
