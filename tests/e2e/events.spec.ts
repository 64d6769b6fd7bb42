import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { test, expect, LANGS, strings, rememberLanguage, axeViolations, screenshot } from './fixtures';

// The events area against the real reference server (fresh demo database per run). Every
// journey checks the server's own counts through the API, not only what the page says.
// Both projects (phone, desktop) run in parallel on one server, so journeys that need an
// event to themselves pick one per project.

const en = strings.en;
const PYTHON = path.resolve(__dirname, '../../.tools/venv/bin/python');

type ApiEvent = {
  id: number;
  slug: string;
  starts_at: string;
  ends_at: string;
  capacity: number | null;
  attending_seats: number;
  remaining_seats: number | null;
  waitlist_count: number;
};

async function eventBySlug(request: APIRequestContext, slug: string): Promise<ApiEvent> {
  const r = await request.get('/api/v1/events?limit=100');
  expect(r.status()).toBe(200);
  const found = (await r.json()).items.find((e: ApiEvent) => e.slug === slug);
  expect(found, `demo event ${slug}`).toBeTruthy();
  return found;
}

async function eventById(request: APIRequestContext, id: number): Promise<ApiEvent> {
  const r = await request.get(`/api/v1/events/${id}`);
  expect(r.status()).toBe(200);
  return r.json();
}

async function participant(request: APIRequestContext): Promise<string> {
  const r = await request.post('/api/v1/participants', { headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status()).toBe(201);
  return (await r.json()).token;
}

async function registerViaApi(request: APIRequestContext, id: number, seats: number, name: string) {
  const token = await participant(request);
  const r = await request.post(`/api/v1/events/${id}/registrations`, {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() },
    data: { name, seats },
  });
  expect(r.status(), await r.text()).toBe(201);
  return r.json();
}

/** The registrations of the participant whose token the page keeps on the device. */
async function myRegistrations(page: Page, request: APIRequestContext) {
  const token = await page.evaluate(() => localStorage.getItem('osallistu.participant./api/v1'));
  expect(token, 'participant token on the device').toBeTruthy();
  const r = await request.get('/api/v1/me/registrations', { headers: { Authorization: `Bearer ${token}` } });
  expect(r.status()).toBe(200);
  return (await r.json()).items as { event_id: number; status: string; seats: number; waitlist_position: number | null }[];
}

async function fillJoinForm(page: Page, name: string, seats = 1, email = '') {
  await page.getByLabel(en.ev_join_name).fill(name);
  if (email) await page.getByLabel(en.ev_join_email).fill(email);
  await page.getByLabel(en.ev_join_seats).fill(String(seats));
  await page.getByLabel(en.ev_join_consent).check();
}

async function openEvent(page: Page, id: number) {
  await page.goto(`/events/${id}`);
  await expect(page.getByRole('heading', { name: en.ev_join_title, level: 2 }).or(
    page.getByRole('heading', { name: en.ev_your_registration }))).toBeVisible();
}

async function newPerson(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await rememberLanguage(page, 'en');
  return { context, page };
}

for (const lang of LANGS) {
  test(`events list, calendar, map and event page in ${lang}: no axe violations`, async ({ page, request, blocked, cspViolations }, info) => {
    // Four views, each scanned by axe and photographed: more than the default 30 s on a busy
    // 2-core machine.
    test.setTimeout(info.timeout * 2);
    const t = strings[lang];
    await rememberLanguage(page, lang);
    await page.goto('/events');
    await expect(page.locator('h1')).toHaveText(t.events_title);
    const cards = page.locator('.os-ev-card');
    await expect(cards.first()).toBeVisible();
    // Upcoming by default: the past bridge opening is not in the list.
    const past = await eventBySlug(request, 'silta-avajaiset');
    await expect(page.locator(`.os-ev-card[data-event-id="${past.id}"]`)).toHaveCount(0);
    const apiUpcoming = (await (await request.get(`/api/v1/events?start=${encodeURIComponent(new Date().toISOString())}`)).json()).count;
    await expect(page.locator('.os-filters__count')).toHaveText(t.ev_count.replace('{count}', String(apiUpcoming)));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${info.project.name}-${lang}-events-list`);

    // Past events are reachable and marked.
    await page.getByLabel(t.ev_filter_past).check();
    const pastCard = page.locator(`.os-ev-card[data-event-id="${past.id}"]`);
    await expect(pastCard).toBeVisible();
    await expect(pastCard).toContainText(t.ev_seats_past);
    await page.getByLabel(t.ev_filter_past).uncheck();

    await page.getByRole('button', { name: t.ev_view_calendar }).click();
    await expect(page.getByRole('button', { name: t.ev_view_calendar })).toHaveAttribute('aria-pressed', 'true');
    const table = page.locator('table.os-ev-cal__grid');
    await expect(table).toBeVisible();
    await expect(table.locator('thead th')).toHaveCount(7);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${info.project.name}-${lang}-events-calendar`);
    // Next month and back by keyboard.
    const title = await page.locator('#os-ev-cal-title').textContent();
    await page.getByRole('button', { name: t.ev_cal_next }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#os-ev-cal-title')).not.toHaveText(title!);
    await page.getByRole('button', { name: t.ev_cal_prev }).press('Enter');
    await expect(page.locator('#os-ev-cal-title')).toHaveText(title!);

    await page.getByRole('button', { name: t.ev_view_map }).click();
    await expect(page.locator('.os-ev-map .leaflet-container')).toBeVisible();
    await expect(page.locator('.os-ev-list .os-ev-card').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${info.project.name}-${lang}-events-map`);

    // An event no journey registers for, so its counts are stable while other tests run.
    const online = await eventBySlug(request, 'mantymaki-verkkoinfo');
    await page.locator(`.os-ev-card[data-event-id="${online.id}"] a`).first().click();
    await expect(page.getByRole('heading', { name: t.ev_join_title, level: 2 })).toBeVisible();
    await expect(page.locator('[data-testid=ev-seats]')).toHaveText(t.ev_seats_unlimited);
    await expect(page.getByText(t.ev_online_later)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${info.project.name}-${lang}-event-page`);
    expect(await cspViolations()).toEqual([]);
    expect(blocked).toEqual([]);
  });
}

test('filter by area of the town, in Swedish; the venue page tells its accessibility', async ({ page, request }) => {
  const sv = strings.sv;
  await rememberLanguage(page, 'sv');
  await page.goto('/events');
  await expect(page.locator('.os-ev-card').first()).toBeVisible();
  // The areas come from the server, named in the resident's language.
  await page.getByLabel(sv.ev_filter_area).selectOption({ label: 'Björkbo' });
  const coffee = await eventBySlug(request, 'asukaskahvit');
  const cards = page.locator('.os-ev-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute('data-event-id', String(coffee.id));
  await expect(page.locator('.os-filters__count')).toHaveText(sv.ev_count.replace('{count}', '1'));
  await page.getByLabel(sv.ev_filter_area).selectOption({ label: 'Centrum' });
  const centre = (await (await request.get(`/api/v1/events?area=Keskusta&start=${encodeURIComponent(new Date().toISOString())}`)).json()).count;
  await expect(cards).toHaveCount(centre);
  await page.getByLabel(sv.ev_filter_area).selectOption({ label: 'Björkbo' });
  await expect(cards).toHaveCount(1);
  await cards.first().getByRole('link').first().click();
  await expect(page.getByTestId('ev-accessibility')).toHaveText(
    'Tillgänglig ingång, hiss och tillgänglig toalett. En assistent deltar gratis.',
  );
  await expect(page.locator('.os-ev-venue__area')).toContainText('Björkbo');
  // Topics in the resident's language, not as codes.
  await expect(page.locator('.os-ev-facts')).toContainText(`${sv.ev_topic_wellbeing}, ${sv.ev_topic_traffic}`);
});

test('time shown in Helsinki time matches the server', async ({ page, request }) => {
  await rememberLanguage(page, 'en');
  const ev = await eventBySlug(request, 'jokiranta-asukasilta');
  await openEvent(page, ev.id);
  // The server writes local time with its offset: the page must show that wall-clock time.
  const hhmm = ev.starts_at.slice(11, 16);
  await expect(page.locator('.os-ev-facts time')).toContainText(hhmm);
  await expect(page.locator('.os-ev-facts time')).toHaveAttribute('datetime', ev.starts_at.slice(0, 16) + ev.starts_at.slice(19));
});

test('join → attending, checked against the server', async ({ page, request }, info) => {
  await rememberLanguage(page, 'en');
  const ev = await eventBySlug(request, 'jokiranta-asukasilta');
  await openEvent(page, ev.id);
  await fillJoinForm(page, `Maija ${info.project.name}`, 2, 'maija@example.fi');
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  const confirm = page.locator('.os-ev-confirm');
  await expect(confirm).toContainText(en.ev_status_attending_seats.replace('{seats}', '2'));
  await expect(page.getByRole('heading', { name: en.ev_confirm_title })).toBeFocused();
  const mine = (await myRegistrations(page, request)).filter((r) => r.event_id === ev.id);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ status: 'attending', seats: 2 });
  await screenshot(page, `${info.project.name}-en-event-joined`);
  expect(await axeViolations(page)).toEqual([]);
  // The device remembers it (normal mode).
  await page.reload();
  await expect(page.getByRole('heading', { name: en.ev_your_registration })).toBeVisible();
});

test('last seat → next person waitlisted at 1 → first cancels from another device → promoted', async ({ page, request, browser, baseURL }, info) => {
  await rememberLanguage(page, 'en');
  // An event of its own per project, so parallel projects do not share seats.
  const slug = info.project.name === 'phone' ? 'asukaskahvit' : 'satamakavely';
  const ev = await eventBySlug(request, slug);
  expect(ev.waitlist_count).toBe(0);
  let left = ev.remaining_seats!;
  for (let i = 0; left > 1; i++) {
    const seats = Math.min(10, left - 1);
    await registerViaApi(request, ev.id, seats, `Group ${i}`);
    left -= seats;
  }
  expect((await eventById(request, ev.id)).remaining_seats).toBe(1);

  // A takes the last seat.
  await openEvent(page, ev.id);
  await expect(page.locator('[data-testid=ev-seats]')).toHaveText(en.ev_seats_one_left.replace('{capacity}', String(ev.capacity)));
  await fillJoinForm(page, 'Aino Last-Seat');
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('.os-ev-confirm')).toContainText(en.ev_status_attending);
  const code = (await page.getByTestId('ev-cancel-code').textContent())!.trim();
  const link = (await page.getByTestId('ev-cancel-link').getAttribute('href'))!;
  expect(link).toMatch(new RegExp(`/registrations/cancel#${code.replace(/[-]/g, '\\-')}$`));
  let state = await eventById(request, ev.id);
  expect(state.remaining_seats).toBe(0);

  // B, on another device, is waitlisted at position 1.
  const b = await newPerson(browser, baseURL);
  await openEvent(b.page, ev.id);
  await expect(b.page.locator('[data-testid=ev-seats]')).toHaveText(en.ev_seats_waitlist_empty);
  await expect(b.page.getByText(en.ev_join_waitlist_note)).toBeVisible();
  await fillJoinForm(b.page, 'Bertil Waiting');
  await b.page.getByRole('button', { name: en.ev_join_submit_waitlist }).click();
  await expect(b.page.locator('.os-ev-confirm')).toContainText(en.ev_status_waitlisted.replace('{position}', '1'));
  expect((await myRegistrations(b.page, request)).find((r) => r.event_id === ev.id)).toMatchObject({ status: 'waitlisted', waitlist_position: 1 });
  await screenshot(b.page, `${info.project.name}-en-event-waitlisted`);
  state = await eventById(request, ev.id);
  expect(state.waitlist_count).toBe(1);

  // A cancels with the link on a third device (the code is in the fragment only).
  const a2 = await newPerson(browser, baseURL);
  const serverSaw: string[] = [];
  a2.page.on('request', (r) => serverSaw.push(r.url()));
  await a2.page.goto(link);
  await expect(a2.page.locator('h1')).toHaveText(en.ev_cancel_title);
  await expect(a2.page.getByLabel(en.ev_cancel_code)).toHaveValue(code);
  expect(await axeViolations(a2.page)).toEqual([]);
  await a2.page.getByRole('button', { name: en.ev_cancel_submit }).click();
  await expect(a2.page.getByRole('alert')).toContainText(en.ev_cancel_done);
  expect(serverSaw.filter((u) => u.includes(code))).toEqual([]);
  await screenshot(a2.page, `${info.project.name}-en-registration-cancelled`);

  // The server promoted B, and B's page says so on the next visit.
  expect((await myRegistrations(b.page, request)).find((r) => r.event_id === ev.id)).toMatchObject({ status: 'attending', waitlist_position: null });
  await b.page.reload();
  await expect(b.page.locator('.os-ev-confirm')).toContainText(en.ev_status_attending);
  state = await eventById(request, ev.id);
  expect(state.waitlist_count).toBe(0);
  expect(state.remaining_seats).toBe(0);
  // Cancelling again says so.
  await a2.page.reload();
  await a2.page.getByRole('button', { name: en.ev_cancel_submit }).click();
  await expect(a2.page.getByRole('alert')).toContainText(en.ev_cancel_already);
  await b.context.close();
  await a2.context.close();
});

test('double-click join → one registration', async ({ page, request }, info) => {
  await rememberLanguage(page, 'en');
  const ev = await eventBySlug(request, 'kaavoituskatsaus');
  await openEvent(page, ev.id);
  await fillJoinForm(page, `Double ${info.project.name}`);
  await page.getByRole('button', { name: en.ev_join_submit }).dblclick();
  await expect(page.locator('.os-ev-confirm')).toContainText(en.ev_status_attending);
  const mine = (await myRegistrations(page, request)).filter((r) => r.event_id === ev.id);
  expect(mine).toHaveLength(1);
});

test('a lost answer is retried with the same Idempotency-Key: one registration, nothing typed lost', async ({ page, request }, info) => {
  await rememberLanguage(page, 'en');
  const ev = await eventBySlug(request, 'arkkitehtuurikavely');
  const before = (await eventById(request, ev.id)).attending_seats;
  const keys: string[] = [];
  let dropped = false;
  await page.route('**/api/v1/events/*/registrations', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (!dropped) {
      dropped = true;
      await route.fetch(); // the server registers…
      return route.abort('connectionreset'); // …but the answer is lost on the way
    }
    return route.continue();
  });
  await openEvent(page, ev.id);
  await fillJoinForm(page, `Retry ${info.project.name}`, 1, 'retry@example.fi');
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('.os-ev-join__summary')).toContainText(en.ev_err_offline);
  await expect(page.locator('.os-ev-join__summary')).toBeFocused();
  await expect(page.getByLabel(en.ev_join_name)).toHaveValue(`Retry ${info.project.name}`);
  await expect(page.getByLabel(en.ev_join_email)).toHaveValue('retry@example.fi');
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('.os-ev-confirm')).toContainText(en.ev_status_attending);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toBeTruthy();
  expect(keys[1]).toBe(keys[0]);
  expect((await eventById(request, ev.id)).attending_seats).toBe(before + 1);
  expect((await myRegistrations(page, request)).filter((r) => r.event_id === ev.id)).toHaveLength(1);
});

test('a server fault and a past event get their own messages', async ({ page, request }) => {
  await rememberLanguage(page, 'en');
  const ev = await eventBySlug(request, 'mantymaki-verkkoinfo');
  await page.route('**/api/v1/events/*/registrations', (route) =>
    route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"status":503,"code":"unavailable","title":"x"}' }),
  );
  await openEvent(page, ev.id);
  await fillJoinForm(page, 'Server Fault');
  await page.getByRole('button', { name: en.ev_join_submit }).click();
  await expect(page.locator('.os-ev-join__summary')).toContainText(en.ev_err_server);
  await expect(page.getByLabel(en.ev_join_name)).toHaveValue('Server Fault');
  // Online event: the link is not shown days before the start.
  await expect(page.getByText(en.ev_online_later)).toBeVisible();
  await expect(page.locator('a[href^="https://meet."]')).toHaveCount(0);

  const past = await eventBySlug(request, 'silta-avajaiset');
  await page.goto(`/events/${past.id}`);
  await expect(page.locator('.os-ev-join--closed')).toContainText(en.ev_err_past);
  await expect(page.locator('.os-ev-detail__status')).toHaveText(en.ev_past_badge);
  expect(await axeViolations(page)).toEqual([]);
});

test('the calendar file parses with Python icalendar and has the right times and URL', async ({ page, request, baseURL }, info) => {
  await rememberLanguage(page, 'sv');
  const ev = await eventBySlug(request, 'kaavoituskatsaus');
  await page.goto(`/events/${ev.id}`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: strings.sv.ev_add_calendar }).click();
  const download = await downloading;
  const file = path.join(info.outputDir, 'event.ics');
  await download.saveAs(file);
  const script = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
[ev] = cal.walk('VEVENT')
print(json.dumps({
  'start': ev.decoded('DTSTART').isoformat(),
  'end': ev.decoded('DTEND').isoformat(),
  'url': str(ev.get('URL')),
  'uid': str(ev.get('UID')),
  'stamp': ev.decoded('DTSTAMP').isoformat(),
  'summary': str(ev.get('SUMMARY')),
  'location': str(ev.get('LOCATION')),
  'description': str(ev.get('DESCRIPTION')),
}))`;
  expect(fs.existsSync(PYTHON), 'scripts/setup-server installs Python icalendar').toBe(true);
  const parsed = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
  expect(new Date(parsed.start).getTime()).toBe(new Date(ev.starts_at).getTime());
  expect(new Date(parsed.end).getTime()).toBe(new Date(ev.ends_at).getTime());
  expect(parsed.url).toBe(`${baseURL}/events/${ev.id}`);
  expect(fs.readFileSync(file, 'utf8').match(/\r\nURL[:;]/g)).toHaveLength(1);
  expect(parsed.uid).toBe(`event-${ev.id}@osallistu`);
  expect(parsed.summary).toBe('Planläggningsöversikt 2027');
  expect(parsed.location).toContain('Stadshuset');
  expect(parsed.description).toContain('https://meet.virtala.example/katsaus');
  expect(Math.abs(Date.now() - new Date(parsed.stamp).getTime())).toBeLessThan(5 * 60_000);
});
