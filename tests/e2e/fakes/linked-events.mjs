// The fake Linked Events (events, registrations, seat reservations, sign-ups): see common.mjs.

import crypto from 'node:crypto';
import { load, clone, slashRule } from './common.mjs';


const TOKEN = 'fake-linked-events-token';

const le = (() => {
  const events = load('linkedevents', 'event-list-include-location-keywords-200.json').data;
  const registration = load('linkedevents', 'registration-detail-anonymous-200.json');
  registration.current_attendee_count = 0;
  registration.current_waiting_list_count = 0;
  return {
    events,
    registration,
    reservations: new Map(),
    signups: [],
    nextSignup: 100,
    template: load('linkedevents', 'post-signups-fill-capacity-201.json')[0],
  };
})();

function regCounts() {
  const r = le.registration;
  const attending = le.signups.filter((s) => s.attendee_status === 'attending').length;
  const waiting = le.signups.filter((s) => s.attendee_status === 'waitlisted').length;
  const held = [...le.reservations.values()].filter((x) => !x.used);
  const heldSeats = held.filter((x) => !x.in_waitlist).reduce((n, x) => n + x.seats, 0);
  const heldWait = held.filter((x) => x.in_waitlist).reduce((n, x) => n + x.seats, 0);
  return {
    attending,
    waiting,
    remaining: Math.max(0, r.maximum_attendee_capacity - attending - heldSeats),
    waitRemaining: Math.max(0, r.waiting_list_capacity - waiting - heldWait),
  };
}

function registrationView() {
  const c = regCounts();
  return {
    ...clone(le.registration),
    current_attendee_count: c.attending,
    current_waiting_list_count: c.waiting,
    remaining_attendee_capacity: c.remaining,
    remaining_waiting_list_capacity: c.waitRemaining,
  };
}

function authorised(req) {
  return req.headers.authorization === `Bearer ${TOKEN}`;
}

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

  if (root === 'event' && !id && req.method === 'GET') {
    let items = le.events.map(clone);
    if (q.get('text')) items = items.filter((e) => JSON.stringify(e.name).toLowerCase().includes(q.get('text').toLowerCase()));
    if (q.get('internet_based') === 'true') items = items.filter((e) => e.location?.['@id']?.includes('internet'));
    if (q.get('is_free') != null) items = items.filter((e) => String(e.offers?.[0]?.is_free ?? false) === q.get('is_free'));
    if (q.get('start')) items = items.filter((e) => (e.end_time ?? e.start_time) >= q.get('start').slice(0, 10));
    items.sort((a, b) => (a.start_time < b.start_time ? -1 : 1));
    const size = Number(q.get('page_size') ?? 20);
    const page = Number(q.get('page') ?? 1);
    if (page > 1 && (page - 1) * size >= items.length) return send(404, load('linkedevents', 'event-list-page-out-of-range-404.json'));
    const next = page * size < items.length ? `${url.origin}/v1/event/?page=${page + 1}&page_size=${size}` : null;
    return send(200, { meta: { count: items.length, next, previous: null }, data: items.slice((page - 1) * size, page * size) });
  }
  if (root === 'event' && id && req.method === 'GET') {
    const e = le.events.find((x) => x.id === id);
    if (!e) return send(404, load('linkedevents', 'event-detail-404-404.json'));
    return send(200, clone(e));
  }
  if (root === 'registration' && id && req.method === 'GET') {
    if (String(le.registration.id) !== id) return send(404, { detail: 'Not found.' });
    return send(200, registrationView());
  }
  if (root === 'seats_reservation' && !id && req.method === 'POST') {
    if (!authorised(req)) return send(401, load('linkedevents', 'post-seats-reservation-anonymous-401.json'));
    const seats = Number(body?.seats ?? 0);
    if (seats > le.registration.maximum_group_size) return send(400, load('linkedevents', 'post-seats-reservation-exceeds-group-size-400.json'));
    const c = regCounts();
    let inWaitlist;
    if (c.remaining >= seats) inWaitlist = false;
    else if (c.remaining === 0 && c.waitRemaining >= seats) inWaitlist = true;
    else return send(400, load('linkedevents', c.remaining === 0 ? 'post-seats-reservation-when-full-400.json' : 'post-seats-reservation-while-all-reserved-400.json'));
    const code = crypto.randomUUID();
    const now = Date.now();
    const held = {
      id: le.reservations.size + 1,
      registration: le.registration.id,
      seats,
      in_waitlist: inWaitlist,
      code,
      timestamp: new Date(now).toISOString(),
      expiration: new Date(now + 15 * 60_000).toISOString(),
    };
    le.reservations.set(code, { ...held, used: false });
    return send(201, held);
  }
  if (root === 'signup' && !id && req.method === 'POST') {
    if (!authorised(req)) return send(401, load('linkedevents', 'post-seats-reservation-anonymous-401.json'));
    const held = le.reservations.get(body?.reservation_code);
    if (!held || held.used) return send(400, load('linkedevents', 'post-signups-reuse-code-400.json'));
    const signups = body.signups ?? [];
    if (signups.length !== held.seats) return send(400, { signups: ['Number of signups exceeds the number of requested seats in reservation.'] });
    const missing = signups.findIndex((s) => le.registration.mandatory_fields.some((f) => !s[f]));
    if (missing >= 0) {
      return send(400, { signups: signups.map((s, i) => (i === missing ? { phone_number: ['Tämä kenttä vaaditaan.'] } : {})) });
    }
    held.used = true;
    const created = signups.map((s) => {
      const out = clone(le.template);
      Object.assign(out, {
        id: le.nextSignup++,
        first_name: s.first_name ?? null,
        last_name: s.last_name ?? null,
        phone_number: s.phone_number ?? null,
        date_of_birth: s.date_of_birth ?? null,
        attendee_status: held.in_waitlist ? 'waitlisted' : 'attending',
        registration: le.registration.id,
        contact_person: { ...out.contact_person, ...(s.contact_person ?? {}) },
        created_time: new Date().toISOString(),
        last_modified_time: new Date().toISOString(),
      });
      return out;
    });
    le.signups.push(...created);
    return send(201, created);
  }
  if (root === 'signup' && id) {
    if (!authorised(req)) return send(401, load('linkedevents', 'signup-detail-anonymous-401.json'));
    const i = le.signups.findIndex((s) => String(s.id) === id);
    if (i < 0) return send(404, load('linkedevents', 'delete-signup-again-404-404.json'));
    if (req.method === 'GET') return send(200, le.signups[i]);
    if (req.method === 'DELETE') {
      const [gone] = le.signups.splice(i, 1);
      if (gone.attendee_status === 'attending') {
        const first = le.signups.find((s) => s.attendee_status === 'waitlisted');
        if (first) first.attendee_status = 'attending';
      }
      return send(204);
    }
  }
  return send(404, { detail: 'Not found.' });
}

