/*
 * Osallistu service worker: the app opens and the plans, events and projects a resident has
 * viewed can be read again without a network.
 *
 * - App shell (index.html, every built file listed in precache.json by scripts/build — the
 *   area chunks and the map library too — config.json, icons): cached at install. Built files
 *   have a content hash in their name and are served from the cache first.
 * - Page addresses: the network first, the cached index.html when offline (the app then
 *   routes itself).
 * - Public GET answers of the backends (plans, comments, events, projects): the network first,
 *   the last answer when offline; the newest MAX_DATA answers are kept. On a very slow network
 *   a page with a cached answer does not wait: after NETWORK_WAIT_MS the cached answer is
 *   shown, and the network's answer, when it comes, replaces it in the cache for next time. Anything personal is
 *   never cached: requests with credentials (Authorization), and /me, /participants,
 *   /registrations.
 * - A new version waits until the app asks it to take over ("Update" in the app), so an open
 *   form is never reloaded under the resident's hands; drafts are saved on the device anyway.
 */
'use strict';

const VERSION = 'osallistu-v2';
const SHELL = `${VERSION}-shell`;
const DATA = `${VERSION}-data`;
const MAX_DATA = 60;
const NETWORK_WAIT_MS = 3500;
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const index = await fetch(new URL('./', scope), { cache: 'no-cache' });
      const html = await index.clone().text();
      await cache.put(new URL('./', scope).href, index);
      const assets = new Set(['config.json', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon.svg']);
      for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        const url = new URL(m[1], scope);
        if (url.origin === scope.origin && /\.(js|wasm|css|svg|json)$/.test(url.pathname)) assets.add(url.href);
      }
      // Every built file (area chunks, map library), listed by scripts/build.
      try {
        const list = await (await fetch(new URL('precache.json', scope), { cache: 'no-cache' })).json();
        for (const f of list) assets.add(new URL(f, scope).href);
      } catch (e) {
        // Without the list the areas are cached the first time they are opened.
      }
      await Promise.all(
        [...assets].map((a) =>
          fetch(new URL(a, scope), { cache: 'no-cache' })
            .then((r) => (r.ok ? cache.put(new URL(a, scope).href, r) : undefined))
            .catch(() => undefined),
        ),
      );
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('osallistu-') && !name.startsWith(VERSION)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'osallistu:update') self.skipWaiting();
});

const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
const PERSONAL = /\/(me|participants|registrations)(\/|$)|\/signup\/|\/seats_reservation\//;

function isData(request, url) {
  if (request.method !== 'GET' || request.headers.has('Authorization')) return false;
  if (PERSONAL.test(url.pathname)) return false;
  const accept = request.headers.get('Accept') || '';
  return accept.includes('application/json') || url.pathname.includes('/api/');
}

async function networkFirst(event, request, cacheName, fallbackUrl) {
  const cache = await caches.open(cacheName);
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok && response.type !== 'opaque') {
      await cache.put(request, response.clone());
      if (cacheName === DATA) await trim(cache);
    }
    return response;
  });
  // Whatever happens to the answer below, the network's answer still lands in the cache.
  event.waitUntil(fromNetwork.catch(() => undefined));
  const cached = () => cache.match(request).then((hit) => hit || (fallbackUrl ? caches.match(fallbackUrl) : undefined));
  let timer;
  const slow = new Promise((resolve) => {
    timer = setTimeout(async () => resolve(await cache.match(request)), NETWORK_WAIT_MS);
  });
  try {
    // The network, unless it is slower than NETWORK_WAIT_MS and a cached answer exists.
    const first = await Promise.race([fromNetwork, slow.then((hit) => hit || fromNetwork)]);
    return first;
  } catch (error) {
    const hit = await cached();
    if (hit) return hit;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function trim(cache) {
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_DATA))) await cache.delete(old);
}

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && url.origin === scope.origin) {
    event.respondWith(networkFirst(event, request, SHELL, new URL('./', scope).href));
    return;
  }
  if (url.origin === scope.origin && !url.pathname.includes('/api/')) {
    if (HASHED.test(url.pathname) || url.pathname.includes('/vendor/') || url.pathname.includes('/icons/')) {
      event.respondWith(cacheFirst(request));
    } else {
      event.respondWith(networkFirst(event, request, SHELL));
    }
    return;
  }
  if (isData(request, url)) event.respondWith(networkFirst(event, request, DATA));
});
