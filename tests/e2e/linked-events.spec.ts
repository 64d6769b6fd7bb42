import * as fs from 'fs';
import * as path from 'path';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, strings, axeViolations, screenshot, rememberLanguage } from './fixtures';
import { APP, LE, received, unique, open } from './fake-backends';

const fixture = (name: string) => path.resolve(__dirname, '../fixtures/linkedevents', name);
const rememberLanguageEn = (page: Page) => rememberLanguage(page, 'en');

// The app with events from the fake Linked Events (fakes/linked-events.mjs) and projects from the reference server.

const en = strings.en;

test('Linked Events: join with a signed-in token (seats reservation, then sign-up), then cancel', async ({ page, request, blocked }, info) => {
  const seen = watch(page);
  await open(page, '/events');
  const card = page.locator('.os-ev-card', { hasText: 'Christmas concert' });
  await expect(card).toBeVisible();
  await expect(page.locator('.os-ev-card', { hasText: 'Christmas market' })).toBeVisible();
  // (The test runner's own readiness probe asks for /v1/event/ without a query.)
  const listed = (await received(request, LE)).filter((r) => r.path === '/v1/event/' && r.query.include);
  expect(listed.length).toBeGreaterThan(0);
  expect(listed[0].query).toMatchObject({ include: 'location,keywords,registration', sort: 'start_time' });

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
  // The concert has an age limit (as recorded): the organiser asks for the date of birth.
  await page.getByLabel(en.ev_join_birth).fill('1990-05-01');
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.getByRole('heading', { name: en.ev_confirm_title })).toBeFocused();
  await expect(page.locator('.os-ev-confirm')).toContainText(en.ev_status_attending);

  const mine = (await received(request, LE)).filter((r) => r.method === 'POST');
  const signup = mine.find((r) => r.path === '/v1/signup/' && r.body?.signups?.[0]?.last_name === name.split(' ').pop())!;
  expect(signup, 'the sign-up reached Linked Events').toBeTruthy();
  // (This page's own reservation: other tests hold places at the same fake meanwhile.)
  const reservation = seen.find((r) => r.method === 'POST' && r.path === '/v1/seats_reservation/')!;
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

// ---- Against the recorded behaviour of the real Linked Events (issue #21, points 1–7, 11, 19) ----

const SOWING = 'osallistu:agrdwj34oe'; // registration 3: a phone number is required
const WORKSHOP = 'osallistu:agrdwgbmbi'; // registration 2: street address and zip code required
const ONLINE_TALK = 'osallistu:agrdwgblc4'; // at helsinki:internet, with a stream link
const WALK = 'osallistu:agrdwgbowm'; // named and described in Swedish only

/** The requests the page makes to Linked Events, with the answers' bodies. */
function watch(page: Page) {
  const seen: { method: string; path: string; body: any; answer: Promise<any> }[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(LE)) return;
    const path = new URL(r.url()).pathname;
    const answer = r.response().then((res) => (res ? res.json().catch(() => null) : null)).catch(() => null);
    seen.push({ method: r.method(), path, body: r.postDataJSON(), answer });
  });
  return seen;
}

async function registration(request: APIRequestContext, id: number) {
  const r = await request.get(`${LE}/v1/registration/${id}/`);
  expect(r.status()).toBe(200);
  return r.json();
}

async function fillRequired(page: Page, name: string) {
  await page.getByLabel(en.ev_join_name).fill(name);
  await page.getByLabel(en.ev_join_consent).check();
}

test('a refused sign-up keeps one reservation for the next try, says how long, and gives the places back on leaving', async ({ page, request, browser }, info) => {
  const seen = watch(page);
  await open(page, `/events/${SOWING}`);
  await expect(page.locator('h1')).toContainText("spring sowing");
  await fillRequired(page, unique(`Ritva ${info.project.name}`));
  await page.getByLabel(en.ev_join_phone).fill('040 765 4321');
  // The first sign-up is refused with the recorded answer (a contact language Linked Events
  // does not serve): the seat stays held, and the refusal is said in words.
  let refused = false;
  await page.route(`${LE}/v1/signup/`, async (route) => {
    if (refused) return route.continue();
    refused = true;
    await route.fulfill({ status: 400, contentType: 'application/json', body: fs.readFileSync(fixture('post-signups-service-language-ru-400.json')) });
  });
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('.os-ev-join__summary')).toContainText(en.ev_field_service_language);
  await expect(page.locator('.os-ev-join__held')).toContainText(/\d+ min/);
  const reserved = seen.filter((r) => r.method === 'POST' && r.path === '/v1/seats_reservation/');
  expect(reserved).toHaveLength(1);
  const held = await reserved[0].answer;
  expect(held.seats).toBe(1);

  // The second try signs up with the same reservation: no second hold.
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('.os-ev-confirm')).toContainText(en.ev_status_attending);
  expect(seen.filter((r) => r.method === 'POST' && r.path === '/v1/seats_reservation/')).toHaveLength(1);
  const signups = seen.filter((r) => r.method === 'POST' && r.path === '/v1/signup/');
  expect(signups.map((s) => s.body.reservation_code)).toEqual([held.code, held.code]);

  // Another resident holds a place, is refused, and goes back to the list: the place is
  // given back with the reservation's code and `seats: 0` (Linked Events has no DELETE).
  // (Another device: a context of its own, which does not remember the first registration.)
  const otherDevice = await browser.newContext();
  const other = await otherDevice.newPage();
  const otherSeen = watch(other);
  await rememberLanguageEn(other);
  await other.goto(`${APP}/events/${SOWING}`);
  await fillRequired(other, unique('Pekka'));
  await other.getByLabel(en.ev_join_phone).fill('040 765 4322');
  await other.route(`${LE}/v1/signup/`, (route) =>
    route.fulfill({ status: 400, contentType: 'application/json', body: fs.readFileSync(fixture('post-signups-service-language-ru-400.json')) }),
  );
  await other.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(other.locator('.os-ev-join__held')).toBeVisible();
  const hold = await otherSeen.find((r) => r.path === '/v1/seats_reservation/')!.answer;
  await other.getByRole('link', { name: en.ev_back }).last().click();
  await expect(other.locator('h1')).toHaveText(en.events_title);
  await expect.poll(async () => (await received(request, LE)).some((r) =>
    r.method === 'PUT' && r.path === `/v1/seats_reservation/${hold.id}/` && r.body?.seats === 0 && r.body?.code === hold.code,
  )).toBe(true);

  // And when the page is closed (pagehide), the same.
  await other.goto(`${APP}/events/${SOWING}`);
  await fillRequired(other, unique('Pekka'));
  await other.getByLabel(en.ev_join_phone).fill('040 765 4322');
  await other.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(other.locator('.os-ev-join__held')).toBeVisible();
  const second = await otherSeen.filter((r) => r.path === '/v1/seats_reservation/').at(-1)!.answer;
  expect(second.id).not.toBe(hold.id);
  await other.close({ runBeforeUnload: true });
  await expect.poll(async () => (await received(request, LE)).some((r) =>
    r.method === 'PUT' && r.path === `/v1/seats_reservation/${second.id}/` && r.body?.seats === 0,
  )).toBe(true);
  expect((await received(request, LE)).some((r) => r.method === 'DELETE' && r.path.startsWith('/v1/seats_reservation/'))).toBe(false);
  await otherDevice.close();
  await screenshot(page, `${info.project.name}-en-linked-events-held-then-joined`);
});

test('every mandatory field Linked Events asks for is a field, and its refusals land on it', async ({ page, request }, info) => {
  const seen = watch(page);
  await open(page, `/events/${WORKSHOP}`);
  await expect(page.locator('h1')).toContainText('Playground design workshop');
  // This registration requires street address and zip code; nothing else is asked for.
  await expect(page.getByLabel(en.ev_join_street)).toBeVisible();
  await expect(page.getByLabel(en.ev_join_zip)).toBeVisible();
  await expect(page.getByLabel(en.ev_join_city)).toHaveCount(0);
  await expect(page.getByLabel(en.ev_join_phone)).toHaveCount(0);
  const name = unique(`Ritva ${info.project.name}`);
  await fillRequired(page, name);
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('#os-ev-join-street-error')).toHaveText(en.ev_err_street_required);
  await expect(page.locator('#os-ev-join-zip-error')).toHaveText(en.ev_err_zip_required);
  expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);

  // Linked Events' own refusal (as recorded) is mapped onto the same fields.
  await page.getByLabel(en.ev_join_street).fill('Kirkkokatu 1');
  await page.getByLabel(en.ev_join_zip).fill('00170');
  let once = false;
  await page.route(`${LE}/v1/signup/`, async (route) => {
    if (once) return route.continue();
    once = true;
    await route.fulfill({ status: 400, contentType: 'application/json', body: fs.readFileSync(fixture('post-signups-empty-mandatory-address-400.json')) });
  });
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('#os-ev-join-street-error')).toHaveText(en.ev_err_street_required);
  await expect(page.locator('.os-ev-join__summary a')).toHaveText([en.ev_err_street_required, en.ev_err_zip_required]);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `${info.project.name}-en-linked-events-mandatory-fields`);

  // Sent again, the fake (which checks every mandatory field as Linked Events does) takes it.
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('.os-ev-confirm')).toContainText(en.ev_status_attending);
  const signup = seen.filter((r) => r.path === '/v1/signup/').at(-1)!;
  expect(signup.body.signups[0]).toMatchObject({ street_address: 'Kirkkokatu 1', zipcode: '00170' });
  // The registrant's name is shown isolated, as typed.
  await expect(page.locator('.os-ev-confirm bdi')).toHaveText(name);
});

test('the organiser\'s sign-up link follows the language switch', async ({ page, request }) => {
  const config = await (await request.get(`${APP}/config.json`)).json();
  delete config.backends.events.auth;
  await page.route('**/config.json', (route) => route.fulfill({ json: config }));
  await open(page, '/events/ledev:agramxztry');
  const link = page.getByTestId('ev-signup-elsewhere');
  await expect(link).toHaveAttribute('href', 'http://127.0.0.1:8088/en/registration/1/signup-group/create');
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(link).toHaveAttribute('href', 'http://127.0.0.1:8088/sv/registration/1/signup-group/create');
  await page.getByRole('button', { name: 'Suomi' }).click();
  await expect(link).toHaveAttribute('href', 'http://127.0.0.1:8088/fi/registration/1/signup-group/create');
});

test('the topic filter offers Linked Events\' keywords and sends their ids; cards name their keywords and places', async ({ page, request }) => {
  const seen = watch(page);
  await open(page, '/events');
  const concert = page.locator('.os-ev-card', { hasText: 'Christmas concert' });
  // Keyword names on the cards (point 7), seats from the embedded registration (point 5).
  await expect(concert).toContainText('children, music');
  await expect(concert.locator('.os-ev-card__seats')).not.toContainText(en.ev_seats_unlimited);
  const left = (await registration(request, 1)).remaining_attendee_capacity;
  await expect(concert.locator('.os-ev-card__seats')).toContainText(String(left));
  // A registration event whose counts are not known says nothing rather than "room for everyone".
  await expect(page.locator('.os-ev-card', { hasText: en.ev_seats_unlimited })).toHaveCount(0);
  const lists = seen.filter((r) => r.path === '/v1/event/');
  expect(lists[0]).toBeTruthy();
  expect(new URL(page.url()).pathname).toBe('/events');
  expect(seen.filter((r) => r.path.startsWith('/v1/registration/'))).toHaveLength(0);

  const topic = page.getByLabel(en.ev_filter_topic);
  await expect(topic.locator('option')).toHaveText([en.ev_filter_any, "residents' evening", 'urban planning', 'sports', 'music']);
  await topic.selectOption({ label: 'urban planning' });
  await expect(page).toHaveURL(/topic=osallistu%3Akaavoitus/);
  await expect(page.locator('.os-ev-card', { hasText: 'Playground design workshop' })).toBeVisible();
  await expect(page.locator('.os-ev-card', { hasText: 'Christmas concert' })).toHaveCount(0);
  const asked = (await received(request, LE)).filter((r) => r.path === '/v1/event/' && r.query.keyword);
  expect(asked.at(-1)!.query).toMatchObject({ keyword: 'osallistu:kaavoitus', include: 'location,keywords,registration' });
  // The filter stays in the address: a reload keeps it.
  await page.reload();
  await expect(page.getByLabel(en.ev_filter_topic)).toHaveValue('osallistu:kaavoitus');
  expect(await axeViolations(page)).toEqual([]);
});

test('an online event shows its stream link when it is time, and no venue or accessibility section', async ({ page, request }, info) => {
  const event = await (await request.get(`${LE}/v1/event/${ONLINE_TALK}/`)).json();
  await page.clock.install({ time: new Date(Date.parse(event.start_time) - 5 * 60_000) });
  await open(page, `/events/${ONLINE_TALK}`);
  await expect(page.locator('h1')).toHaveText('Online talk: city cycling');
  const section = page.locator('.os-ev-online');
  await expect(section.getByRole('link', { name: en.ev_online_open })).toHaveAttribute('href', 'http://127.0.0.1:8014/stream');
  await expect(page.locator('.os-ev-venue')).toHaveCount(0);
  await expect(page.getByTestId('ev-accessibility')).toHaveCount(0);
  await expect(page.locator('.os-ev-facts')).toContainText(en.ev_online);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `${info.project.name}-en-linked-events-online`);
});

test('text shown in another language than the page is marked with its language', async ({ page }) => {
  await open(page, '/events');
  const walk = page.locator('.os-ev-card', { hasText: 'Stadsvandring i Gamla stan' });
  await expect(walk.locator('.os-ev-card__title [lang="sv"]')).toHaveText('Stadsvandring i Gamla stan');
  await walk.getByRole('link').first().click();
  await expect(page.locator('h1')).toHaveText('Stadsvandring i Gamla stan');
  await expect(page.locator('h1')).toHaveAttribute('lang', 'sv');
  await expect(page.locator('.os-ev-description [lang="sv"]')).toContainText('Vi samlas vid domkyrkan.');
  // Texts that exist in English are not marked; the street address, given in Finnish and
  // Swedish only, is marked Finnish.
  await expect(page.locator('.os-ev-facts [lang]')).toHaveCount(1);
  await expect(page.locator('.os-ev-facts__address [lang="fi"]')).toHaveText('Raatihuoneenkatu 3, 06100 Porvoo');
  expect(await axeViolations(page)).toEqual([]);
});
