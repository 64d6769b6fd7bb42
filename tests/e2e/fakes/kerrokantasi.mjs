// The fake Kerrokantasi (hearings, sections, comments, votes): see common.mjs.

import { load, clone, slashRule } from './common.mjs';


const kk = (() => {
  // The seeded hearings, then two recorded later: one in Swedish only, one with part sections.
  const later = ['BhKtiik8l4ua9SjOynTGavWSv0zp1p3C', 'Kw7MoOHN41sZZb0T63nMKeFCy4CVbrII'];
  const list = load('kerrokantasi', 'hearing-list-include-geojson-200.json').results.concat(
    load('kerrokantasi', 'hearing-list-include-geojson-with-swedish-only-200.json').results.filter((h) => later.includes(h.id)),
  );
  const details = {
    kkOpenHearing000000000000000001: load('kerrokantasi', 'hearing-detail-200.json'),
    kkClosedHearing00000000000000002: load('kerrokantasi', 'hearing-detail-closed-200.json'),
    BhKtiik8l4ua9SjOynTGavWSv0zp1p3C: load('kerrokantasi', 'hearing-detail-swedish-only-200.json'),
    Kw7MoOHN41sZZb0T63nMKeFCy4CVbrII: load('kerrokantasi', 'hearing-detail-with-part-sections-200.json'),
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

export async function kerrokantasi({ req, url, body, send }) {
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
        // Kerrokantasi stores this word when no name is given (missing, "" or null).
        author_name: b.author_name || 'Anonymous',
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

