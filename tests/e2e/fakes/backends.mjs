// Fake Kerrokantasi and Linked Events servers for the end-to-end tests.
//
// Each answers with the real responses recorded in tests/fixtures/{kerrokantasi,linkedevents}
// and speaks its API's wire format: trailing slashes (a GET without one is 301, a Kerrokantasi
// POST without one is 500), limit/offset or page/page_size paging, 401/403/400/404 bodies as
// the real servers send them. Writes change the state (comments, votes, seats, sign-ups), and
// every request is recorded: GET /__requests lists them as JSON for the tests to check.
//
// The recordings were made on 2026-11-23; every date in an answer is moved by the time since
// then, so "open for comments" and "enrolment open" stay true whenever the tests run.
//
// Usage: node backends.mjs <kerrokantasi port> <linked events port>

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../fixtures');
const [kkPort, lePort] = process.argv.slice(2).map(Number);
if (!kkPort || !lePort) {
  console.error('usage: node backends.mjs <kerrokantasi port> <linked events port>');
  process.exit(2);
}

const RECORDED_AT = Date.parse('2026-11-23T03:00:00Z');
const DAY = 86_400_000;
const shiftMs = Math.max(0, Math.floor((Date.now() - RECORDED_AT) / DAY)) * DAY;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Moves every timestamp (and date) in `value` forward by whole days since the recording. */
function shifted(value) {
  if (shiftMs === 0) return value;
  if (typeof value === 'string') {
    if (DATE_TIME.test(value)) return new Date(Date.parse(value) + shiftMs).toISOString();
    if (DATE_ONLY.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + shiftMs).toISOString().slice(0, 10);
    return value;
  }
  if (Array.isArray(value)) return value.map(shifted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v)]));
  }
  return value;
}

const load = (api, name) => shifted(JSON.parse(fs.readFileSync(path.join(fixtures, api, name), 'utf8')));
const clone = (v) => JSON.parse(JSON.stringify(v));

function server(name, port, handle) {
  const log = [];
  const srv = http.createServer(async (req, res) => {
    const url = new URL(req.url, `http://127.0.0.1:${port}`);
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Accept-Language, Idempotency-Key',
        'Access-Control-Max-Age': '600',
      });
      return res.end();
    }
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const text = Buffer.concat(chunks).toString('utf8');
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    const send = (status, payload, headers = {}) => {
      const out = payload === undefined ? '' : JSON.stringify(payload);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end(status === 204 ? undefined : out);
    };
    if (url.pathname === '/__requests') return send(200, log);
    log.push({
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization ?? null,
      body,
    });
    try {
      await handle({ req, url, body, send });
    } catch (e) {
      console.error(`[fake ${name}]`, e);
      send(500, { detail: String(e) });
    }
  });
  srv.listen(port, '127.0.0.1', () => console.log(`fake ${name} on http://127.0.0.1:${port}/v1/`));
}

/** The trailing-slash rules both servers share: GET without one is a redirect. */
function slashRule(req, url, send, postStatus) {
  if (url.pathname.endsWith('/')) return false;
  if (req.method === 'GET') {
    send(301, undefined, { Location: `${url.pathname}/${url.search}` });
  } else {
    send(postStatus, { detail: 'RuntimeError: the URL needs a trailing slash' });
  }
  return true;
}

// ---------------------------------------------------------------- Kerrokantasi

const kk = (() => {
  const list = load('kerrokantasi', 'hearing-list-include-geojson-200.json').results;
  const details = {
    kkOpenHearing000000000000000001: load('kerrokantasi', 'hearing-detail-200.json'),
    kkClosedHearing00000000000000002: load('kerrokantasi', 'hearing-detail-closed-200.json'),
  };
  const comments = load('kerrokantasi', 'section-comments-200.json');
  let nextId = Math.max(...comments.map((c) => c.id)) + 100;
  const template = load('kerrokantasi', 'post-comment-geojson-point-201.json');
  return { list, details, comments, nextId: () => nextId++, template };
})();

function findHearing(idOrSlug) {
  return Object.values(kk.details).find((h) => h.id === idOrSlug || h.slug === idOrSlug);
}

function geojsonOk(g) {
  if (!g || typeof g !== 'object') return false;
  const kinds = ['Point', 'LineString', 'Polygon', 'MultiPolygon', 'MultiPoint', 'MultiLineString'];
  if (g.type === 'Feature') return geojsonOk(g.geometry);
  if (g.type === 'FeatureCollection') return Array.isArray(g.features) && g.features.every(geojsonOk);
  return kinds.includes(g.type) && Array.isArray(g.coordinates);
}

async function kerrokantasi({ req, url, body, send }) {
  if (slashRule(req, url, send, 500)) return;
  const parts = url.pathname.split('/').filter(Boolean); // ['v1', 'hearing', …]
  if (parts[0] !== 'v1') return send(404, { detail: 'Not found.' });
  const [, root, id, sub, section, sub2, commentId, action] = parts;
  const q = url.searchParams;

  if (req.method === 'GET' && root === 'hearing' && !id) {
    let items = kk.list.map(clone);
    if (q.get('open') === 'true') items = items.filter((h) => !h.closed);
    if (q.get('title')) items = items.filter((h) => JSON.stringify(h.title).toLowerCase().includes(q.get('title').toLowerCase()));
    if (q.get('include') !== 'geojson') items.forEach((h) => delete h.geojson);
    const limit = Number(q.get('limit') ?? 0);
    const offset = Number(q.get('offset') ?? 0);
    const page = limit ? items.slice(offset, offset + limit) : items;
    const next = limit && offset + limit < items.length ? `${url.origin}/v1/hearing/?limit=${limit}&offset=${offset + limit}` : null;
    return send(200, { count: items.length, next, previous: null, results: page });
  }
  if (root === 'hearing' && id && !sub && req.method === 'GET') {
    const h = findHearing(id);
    if (!h) return send(404, load('kerrokantasi', 'hearing-detail-404-404.json'));
    const out = clone(h);
    out.n_comments = kk.comments.filter((c) => !c.deleted).length;
    return send(200, out);
  }
  if (root === 'hearing' && id && sub === 'sections' && section && sub2 === 'comments') {
    const h = findHearing(id);
    if (!h || !h.sections.some((s) => s.id === section)) return send(404, { detail: 'Not found.' });
    if (!commentId && req.method === 'GET') {
      let items = kk.comments.filter((c) => c.section === section).map(clone);
      const ordering = q.get('ordering') ?? '-created_at';
      const key = ordering.replace('-', '');
      items.sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) * (ordering.startsWith('-') ? -1 : 1));
      if (!q.get('limit')) return send(200, items);
      const limit = Number(q.get('limit'));
      const offset = Number(q.get('offset') ?? 0);
      const next = offset + limit < items.length ? `${url.origin}${url.pathname}?limit=${limit}&offset=${offset + limit}` : null;
      return send(200, { count: items.length, next, previous: null, results: items.slice(offset, offset + limit) });
    }
    if (!commentId && req.method === 'POST') {
      if (h.closed) return send(403, load('kerrokantasi', 'post-comment-closed-hearing-403.json'));
      const b = body ?? {};
      const answers = b.answers ?? [];
      if (!b.content && answers.length === 0) return send(400, load('kerrokantasi', 'post-comment-no-content-400.json'));
      if (b.geojson != null && !geojsonOk(b.geojson)) return send(400, load('kerrokantasi', 'post-comment-invalid-geojson-400.json'));
      const c = clone(kk.template);
      Object.assign(c, {
        id: kk.nextId(),
        section,
        content: b.content ?? '',
        author_name: b.author_name ?? null,
        geojson: b.geojson ?? null,
        answers,
        comment: b.comment ?? null,
        n_votes: 0,
        n_comments: 0,
        created_at: new Date().toISOString(),
      });
      kk.comments.push(c);
      if (c.comment != null) {
        const parent = kk.comments.find((p) => p.id === c.comment);
        if (parent) parent.n_comments += 1;
      }
      return send(201, c);
    }
    if (commentId && action === 'vote' && req.method === 'POST') {
      const c = kk.comments.find((x) => String(x.id) === commentId);
      if (!c) return send(404, { detail: 'Not found.' });
      c.n_votes += 1;
      return send(200, load('kerrokantasi', 'post-vote-comment-200.json'));
    }
    if (commentId && action === 'unvote') return send(403, load('kerrokantasi', 'post-unvote-anonymous-403.json'));
    if (commentId && action === 'flag') return send(500, load('kerrokantasi', 'post-flag-anonymous-500.json'));
  }
  if (root === 'comment' && !id && req.method === 'GET') {
    const parent = q.get('comment');
    const items = kk.comments.filter((c) => parent == null || String(c.comment) === parent).map(clone);
    return send(200, { count: items.length, next: null, previous: null, results: items });
  }
  return send(404, { detail: 'Not found.' });
}

// ---------------------------------------------------------------- Linked Events

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

async function linkedEvents({ req, url, body, send }) {
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

server('kerrokantasi', kkPort, kerrokantasi);
server('linked events', lePort, linkedEvents);
