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
// This file holds what both fakes share; kerrokantasi.mjs and linked-events.mjs hold each API,
// and backends.mjs starts them. Usage: node backends.mjs <kerrokantasi port> <linked events port>

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../fixtures');

const RECORDED_AT = Date.parse('2026-11-23T03:00:00Z');
const DAY = 86_400_000;
const shiftMs = Math.max(0, Math.floor((Date.now() - RECORDED_AT) / DAY)) * DAY;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Moves every timestamp (and date) in `value` forward by whole days since the recording. */
export function shifted(value) {
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

export const load = (api, name) => shifted(JSON.parse(fs.readFileSync(path.join(fixtures, api, name), 'utf8')));
export const clone = (v) => JSON.parse(JSON.stringify(v));

export function server(name, port, handle) {
  const log = [];
  const srv = http.createServer(async (req, res) => {
    const url = new URL(req.url, `http://127.0.0.1:${port}`);
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
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
export function slashRule(req, url, send, postStatus) {
  if (url.pathname.endsWith('/')) return false;
  if (req.method === 'GET') {
    send(301, undefined, { Location: `${url.pathname}/${url.search}` });
  } else {
    send(postStatus, { detail: 'RuntimeError: the URL needs a trailing slash' });
  }
  return true;
}

