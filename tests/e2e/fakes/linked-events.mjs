// The fake Linked Events (events, keywords, registrations, seat reservations, sign-ups): see
// common.mjs. It behaves as the recorded Linked Events 3.29.4 did (tests/fixtures/linkedevents,
// requests.md): a reservation holds its seats until it is used, given back (PUT with `seats: 0`)
// or expires (15 min + 1 min per seat after its timestamp); reservations cannot be deleted
// (405); mandatory fields and age limits are checked per sign-up, with the 400 bodies as
// recorded; `include=registration` embeds each event's registration with its counts.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, clone, slashRule } from './common.mjs';

const TOKEN = 'fake-linked-events-token';
const here = path.dirname(fileURLToPath(import.meta.url));
const DAY = 86_400_000;
const MINUTE = 60_000;

// The `osallistu` data source was recorded later (2026-12-03) than the rest: its dates move by
// the whole days since then, so its enrolment windows are open whenever the tests run.
const LATER = Date.parse('2026-12-03T09:00:00Z');
const laterShift = Math.max(0, Math.floor((Date.now() - LATER) / DAY)) * DAY;
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
function moved(v) {
  if (typeof v === 'string' && STAMP.test(v)) return new Date(Date.parse(v) + laterShift).toISOString();
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(Date.parse(`${v}T00:00:00Z`) + laterShift).toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(moved);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, moved(x)]));
  return v;
}
const loadLater = (name) => moved(JSON.parse(fs.readFileSync(path.resolve(here, '../../fixtures/linkedevents', name), 'utf8')));
const fixture = (name) => load('linkedevents', name);

const le = (() => {
  const events = fixture('event-list-include-location-keywords-200.json').data;
  const later = loadLater('event-list-osallistu-include-location-keywords-200.json').data;
  const pick = (id) => later.find((e) => e.id === id);
  events.push(
    loadLater('event-detail-online-include-location-keywords-200.json'), // online, stream link
    pick('osallistu:agrdwj34oe'), // registration 3: phone required
    loadLater('event-detail-swedish-only-include-location-keywords-200.json'),
    pick('osallistu:agrdwgbmbi'), // registration 2: street address and zip code required
  );
  const registrations = new Map(
    [
      fixture('registration-detail-anonymous-200.json'),
      loadLater('registration-detail-mandatory-address-anonymous-200.json'),
      loadLater('registration-detail-mandatory-phone-anonymous-200.json'),
    ].map((r) => [r.id, r]),
  );
  return {
    events,
    registrations,
    keywordSets: loadLater('keyword-set-list-include-keywords-200.json'),
    keywordSetLinks: loadLater('keyword-set-list-200.json'),
    reservations: new Map(),
    nextReservation: 100,
    signups: [],
    nextSignup: 100,
    template: fixture('post-signups-fill-capacity-201.json')[0],
  };
})();

const expiration = (r) => Date.parse(r.timestamp) + (15 + r.seats) * MINUTE;
const live = (r) => !r.used && Date.now() <= expiration(r);
const reservationView = (r) => ({
  id: r.id,
  registration: r.registration,
  seats: r.seats,
  in_waitlist: r.in_waitlist,
  code: r.code,
  timestamp: r.timestamp,
  expiration: new Date(expiration(r)).toISOString(),
});

function counts(reg, except = null) {
  const mine = le.signups.filter((s) => s.registration === reg.id);
  const attending = mine.filter((s) => s.attendee_status === 'attending').length;
  const waiting = mine.filter((s) => s.attendee_status === 'waitlisted').length;
  const reserved = [...le.reservations.values()]
    .filter((r) => r.registration === reg.id && live(r) && r !== except)
    .reduce((n, r) => n + r.seats, 0);
  const left = reg.maximum_attendee_capacity - attending;
  return {
    attending,
    waiting,
    reserved,
    left,
    remaining: Math.max(0, left - reserved),
    waitRemaining: Math.max(0, reg.waiting_list_capacity - waiting - (left > 0 ? 0 : reserved)),
  };
}

function registrationView(reg) {
  const c = counts(reg);
  return {
    ...clone(reg),
    current_attendee_count: c.attending,
    current_waiting_list_count: c.waiting,
    remaining_attendee_capacity: c.remaining,
    remaining_waiting_list_capacity: c.waitRemaining,
  };
}

// The capacity rules of a reservation of `seats` (its own seats not counted when updating).
function seatsRefusal(reg, seats, except = null) {
  const c = counts(reg, except);
  if (c.left > 0) {
    if (seats > c.left - c.reserved) return { seats: [`Not enough seats available. Capacity left: ${Math.max(c.left - c.reserved, 0)}.`] };
  } else {
    const wl = reg.waiting_list_capacity - c.waiting;
    if (seats > wl - c.reserved) return { seats: [`Not enough capacity in the waiting list. Capacity left: ${Math.max(wl - c.reserved, 0)}.`] };
  }
  if (seats > reg.maximum_group_size) return { seats: [`Amount of seats is greater than maximum group size: ${reg.maximum_group_size}.`] };
  return null;
}

// Per sign-up field errors, as Linked Events writes them (`{}` for a sign-up without any).
function signupErrors(reg, s) {
  const errors = {};
  for (const f of reg.mandatory_fields) if (!s[f]) errors[f] = ['This field must be specified.'];
  if (reg.audience_min_age || reg.audience_max_age) {
    if (!s.date_of_birth) errors.date_of_birth = ['This field must be specified.'];
    else {
      const born = new Date(s.date_of_birth);
      const now = new Date();
      const age = now.getUTCFullYear() - born.getUTCFullYear()
        - (now.getUTCMonth() < born.getUTCMonth() || (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate()) ? 1 : 0);
      if (reg.audience_min_age && age < reg.audience_min_age) errors.date_of_birth = ['The participant is too young.'];
      else if (reg.audience_max_age && age > reg.audience_max_age) errors.date_of_birth = ['The participant is too old.'];
    }
  }
  const lang = s.contact_person?.service_language;
  if (lang && !['fi', 'sv', 'en'].includes(lang)) {
    errors.contact_person = { service_language: [`Epäkelpo pääavain ${lang} - objektia ei ole olemassa.`] };
  }
  return errors;
}

function withRegistration(event, include) {
  if (!event.registration || !include.includes('registration')) return event;
  const reg = le.registrations.get(Number(event.registration['@id'].match(/registration\/(\d+)\//)[1]));
  return reg ? { ...event, registration: registrationView(reg) } : event;
}

const authorised = (req) => req.headers.authorization === `Bearer ${TOKEN}`;

export async function linkedEvents({ req, url, body, send }) {
  if (url.pathname === '/auth/token') {
    // The municipality's sign-in service, as the app's `auth.token_url` sees it.
    return send(200, { access_token: TOKEN, token_type: 'Bearer', expires_in: 600 });
  }
  if (slashRule(req, url, send, 500)) return;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'v1') return send(404, { detail: 'Not found.' });
  const [, root, id] = parts;
  const q = url.searchParams;
  const include = (q.get('include') ?? '').split(',');

  if (root === 'event' && !id && req.method === 'GET') {
    let items = le.events.map(clone);
    if (q.get('text')) items = items.filter((e) => JSON.stringify(e.name).toLowerCase().includes(q.get('text').toLowerCase()));
    if (q.get('internet_based') === 'true') items = items.filter((e) => e.location?.['@id']?.includes(':internet'));
    if (q.get('internet_based') === 'false') items = items.filter((e) => !e.location?.['@id']?.includes(':internet'));
    if (q.get('is_free') != null) items = items.filter((e) => String(e.offers?.[0]?.is_free ?? false) === q.get('is_free'));
    if (q.get('keyword')) {
      const wanted = q.get('keyword').split(',');
      items = items.filter((e) => e.keywords.some((k) => wanted.includes(k.id ?? k['@id'].split('/').at(-2))));
    }
    if (q.get('start')) items = items.filter((e) => (e.end_time ?? e.start_time) >= q.get('start').slice(0, 10));
    if (q.get('end')) items = items.filter((e) => e.start_time <= q.get('end'));
    items.sort((a, b) => (a.start_time < b.start_time ? -1 : 1));
    const size = Number(q.get('page_size') ?? 20);
    const page = Number(q.get('page') ?? 1);
    if (page > 1 && (page - 1) * size >= items.length) return send(404, fixture('event-list-page-out-of-range-404.json'));
    const next = page * size < items.length ? `${url.origin}/v1/event/?page=${page + 1}&page_size=${size}` : null;
    const data = items.slice((page - 1) * size, page * size).map((e) => withRegistration(e, include));
    return send(200, { meta: { count: items.length, next, previous: null }, data });
  }
  if (root === 'event' && id && req.method === 'GET') {
    const e = le.events.find((x) => x.id === id);
    if (!e) return send(404, fixture('event-detail-404-404.json'));
    return send(200, withRegistration(clone(e), include));
  }
  if (root === 'keyword_set' && !id && req.method === 'GET') {
    return send(200, clone(include.includes('keywords') ? le.keywordSets : le.keywordSetLinks));
  }
  if (root === 'registration' && id && req.method === 'GET') {
    const reg = le.registrations.get(Number(id));
    if (!reg) return send(404, { detail: 'Not found.' });
    return send(200, registrationView(reg));
  }
  if (root === 'seats_reservation') return reservations(req, id, body, send);
  if (root === 'signup' && !id && req.method === 'POST') return signUp(req, body, send);
  if (root === 'signup' && id) {
    if (!authorised(req)) return send(401, fixture('signup-detail-anonymous-401.json'));
    const i = le.signups.findIndex((s) => String(s.id) === id);
    if (i < 0) return send(404, fixture('delete-signup-again-404-404.json'));
    if (req.method === 'GET') return send(200, le.signups[i]);
    if (req.method === 'DELETE') {
      const [gone] = le.signups.splice(i, 1);
      if (gone.attendee_status === 'attending') {
        const first = le.signups.find((s) => s.registration === gone.registration && s.attendee_status === 'waitlisted');
        if (first) first.attendee_status = 'attending';
      }
      return send(204);
    }
  }
  return send(404, { detail: 'Not found.' });
}

function reservations(req, id, body, send) {
  if (!authorised(req)) return send(401, fixture('post-seats-reservation-anonymous-401.json'));
  if (req.method === 'DELETE') return send(405, fixture('delete-seats-reservation-405.json'));
  if (!id && req.method === 'POST') {
    const reg = le.registrations.get(Number(body?.registration));
    if (!reg) return send(400, { registration: ['Invalid pk - object does not exist.'] });
    const seats = Number(body?.seats ?? 0);
    const refused = seatsRefusal(reg, seats);
    if (refused) return send(400, refused);
    const held = {
      id: le.nextReservation++,
      registration: reg.id,
      seats,
      in_waitlist: counts(reg).left <= 0,
      code: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      used: false,
    };
    le.reservations.set(held.id, held);
    return send(201, reservationView(held));
  }
  if (id && req.method === 'PUT') {
    const held = le.reservations.get(Number(id));
    if (!held || held.used) return send(404, fixture('put-seats-reservation-update-404.json'));
    if (body?.code == null) return send(400, { code: ['This field must be specified.'] });
    if (body.code !== held.code) return send(400, fixture('put-seats-reservation-wrong-code-400.json'));
    const reg = le.registrations.get(held.registration);
    const seats = Number(body.seats ?? 0);
    const refused = seatsRefusal(reg, seats, held);
    if (refused) return send(400, refused);
    if (Date.now() > expiration(held)) return send(409, { detail: 'Cannot update expired seats reservation.' });
    held.seats = seats;
    held.in_waitlist = counts(reg).left <= 0;
    return send(200, reservationView(held));
  }
  return send(405, { detail: `Metodi "${req.method}" ei ole sallittu.` });
}

function signUp(req, body, send) {
  if (!authorised(req)) return send(401, fixture('post-seats-reservation-anonymous-401.json'));
  const reg = le.registrations.get(Number(body?.registration));
  if (!reg) return send(400, { registration: ['Invalid pk - object does not exist.'] });
  // Each sign-up's fields are checked first (nested fields), then the reservation.
  const signups = body.signups ?? [];
  const errors = signups.map((s) => signupErrors(reg, s));
  if (errors.some((e) => Object.keys(e).length)) return send(400, { signups: errors });
  const held = [...le.reservations.values()].find((r) => r.code === body.reservation_code && r.registration === reg.id);
  if (!held || held.used) return send(400, fixture('post-signups-reuse-code-400.json'));
  if (Date.now() > expiration(held)) return send(400, { reservation_code: ['Reservation code has expired.'] });
  if (signups.length > held.seats) return send(400, fixture('post-signups-after-release-0-seats-400.json'));
  held.used = true;
  const status = counts(reg).left > 0 ? 'attending' : 'waitlisted';
  const created = signups.map((s) => {
    const out = clone(le.template);
    Object.assign(out, {
      id: le.nextSignup++,
      first_name: s.first_name ?? null,
      last_name: s.last_name ?? null,
      phone_number: s.phone_number ?? null,
      date_of_birth: s.date_of_birth ?? null,
      street_address: s.street_address ?? null,
      zipcode: s.zipcode ?? null,
      city: s.city ?? null,
      extra_info: s.extra_info ?? null,
      attendee_status: status,
      registration: reg.id,
      contact_person: { ...out.contact_person, ...(s.contact_person ?? {}) },
      created_time: new Date().toISOString(),
      last_modified_time: new Date().toISOString(),
    });
    return out;
  });
  le.signups.push(...created);
  return send(201, created);
}
