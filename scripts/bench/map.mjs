// Map benchmark for a plan page with very many comments (driven by scripts/bench-map).
//
//   node scripts/bench/map.mjs <base url> <path> [--phone]
//
// Opens <base><path> cold in Debian's Chromium and measures:
//  1. time to interactive: map markers or cluster icons present (`.leaflet-marker-icon`) and the
//     first comment of the list (`.os-comment`) visible; once without and once with 4x CPU
//     throttling, each in a fresh browser context (empty cache);
//  2. the bytes transferred until interactive (CDP Network.loadingFinished.encodedDataLength),
//     per request and in total;
//  3. requestAnimationFrame intervals (p50/p95/max) while the map is dragged and zoomed for
//     about 5 s under 4x CPU throttling.
// Every request beyond the loopback interface is blocked. Figures are printed, not judged: the
// exit status is 1 only when the page never becomes interactive (within BENCH_TIMEOUT_MS).
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const phone = args.includes('--phone');
const [base, path] = args.filter((a) => !a.startsWith('--'));
if (!base || !path) {
  console.error('usage: map.mjs <base url> <path> [--phone]');
  process.exit(2);
}
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_MS ?? 60_000);
const THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? 4);
const MARKER = process.env.BENCH_MARKER_SELECTOR ?? '.leaflet-marker-icon';
const COMMENT = process.env.BENCH_COMMENT_SELECTOR ?? '.os-comment';
const CANVAS = process.env.BENCH_MAP_SELECTOR ?? '.os-map__canvas';
// Chromium's own Accept-Encoding (it offers br to loopback too) unless BENCH_ACCEPT_ENCODING
// sets one, e.g. "gzip" to see the transfer for a client without brotli.
const ACCEPT = process.env.BENCH_ACCEPT_ENCODING ?? 'native';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // Everything that is not loopback goes to a closed port on loopback and fails.
    '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=127.0.0.1;localhost;[::1]',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ],
});

const viewport = phone
  ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
  : { viewport: { width: 1280, height: 800 } };

function loopback(url) {
  try {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
    return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

/** Records when the markers appear and when the first comment is visible, from navigation start. */
function installProbe(sel) {
  const marks = { marker: null, comment: null, errors: [] };
  window.__bench = marks;
  addEventListener('error', (e) => marks.errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => marks.errors.push(String(e.reason)));
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  const check = () => {
    const t = performance.now();
    if (marks.marker === null && document.querySelector(sel.marker)) marks.marker = t;
    if (marks.comment === null) {
      const c = document.querySelector(sel.comment);
      if (c && visible(c)) marks.comment = t;
    }
    if (marks.marker === null || marks.comment === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {}
}

async function describePage(page) {
  return page.evaluate((sel) => {
    const n = (s) => document.querySelectorAll(s).length;
    const text = (document.body?.innerText ?? '').replace(/\n{3,}/g, '\n\n').slice(0, 1500);
    return {
      url: location.href,
      title: document.title,
      h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
      counts: { [sel.marker]: n(sel.marker), [sel.comment]: n(sel.comment), [sel.canvas]: n(sel.canvas), '.leaflet-container': n('.leaflet-container') },
      errors: window.__bench?.errors ?? [],
      text,
    };
  }, { marker: MARKER, comment: COMMENT, canvas: CANVAS });
}

/** One cold load in a fresh context. Returns the page, its CDP session and the figures. */
async function coldLoad(throttle) {
  const context = await browser.newContext({ ...viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (ACCEPT !== 'native') {
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': ACCEPT } });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    const r = requests.get(e.requestId) ?? { url: e.request.url, type: e.type, decoded: 0 };
    r.url = e.request.url;
    r.start ??= e.timestamp;
    requests.set(e.requestId, r);
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.status = e.response.status;
    r.encoding = h['content-encoding'] ?? '';
    r.type = e.type ?? r.type;
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) { r.end = e.timestamp; r.bytes = e.encodedDataLength; }
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) { r.end = e.timestamp; r.failed = e.blockedReason ?? e.errorText; r.bytes = 0; }
  });
  await page.addInitScript(installProbe, { marker: MARKER, comment: COMMENT });

  await page.goto(base + path, { waitUntil: 'commit' });
  let marks;
  try {
    await page.waitForFunction(() => window.__bench && window.__bench.marker !== null && window.__bench.comment !== null, null, { timeout: TIMEOUT, polling: 100 });
    marks = await page.evaluate(() => window.__bench);
  } catch (e) {
    const seen = await describePage(page).catch((err) => ({ error: String(err) }));
    const m = await page.evaluate(() => window.__bench).catch(() => null);
    console.error(`\nbench-map: ${base + path} did not become interactive within ${TIMEOUT / 1000} s` +
      ` (CPU throttling ${throttle}x).`);
    console.error(`  markers (${MARKER}) ${m?.marker != null ? `appeared at ${Math.round(m.marker)} ms` : 'never appeared'};` +
      ` first comment (${COMMENT}) ${m?.comment != null ? `visible at ${Math.round(m.comment)} ms` : 'never visible'}.`);
    console.error('  What is on the page:');
    console.error(JSON.stringify(seen, null, 2).replace(/^/gm, '    '));
    if (consoleErrors.length) console.error('  Console errors:\n' + consoleErrors.map((c) => '    ' + c).join('\n'));
    console.error('  Requests:');
    for (const r of requests.values()) {
      if (r.url.startsWith('data:')) continue;
      const status = r.failed ? `failed (${r.failed})` : r.end === undefined ? 'pending' : r.status;
      console.error(`    ${String(status).padEnd(8)} ${shortUrl(r.url)}`);
    }
    await browser.close();
    process.exit(1);
  }
  // Let the events of requests that finished just before interactive arrive.
  await page.waitForTimeout(1000);
  const doc = [...requests.values()].find((r) => r.type === 'Document');
  const interactive = Math.max(marks.marker, marks.comment);
  const cutoff = (doc?.start ?? 0) + interactive / 1000;
  const list = [...requests.values()].filter((r) => !r.url.startsWith('data:'));
  const before = list.filter((r) => r.end !== undefined && r.end <= cutoff + 0.005);
  const after = list.filter((r) => !before.includes(r));
  const blocked = list.filter((r) => !loopback(r.url)).map((r) => r.url);
  const markers = await page.locator(MARKER).count();
  const comments = await page.locator(COMMENT).count();
  return { context, page, cdp, marks, interactive, before, after, blocked, markers, comments, consoleErrors };
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const ms = (n) => (n === undefined || n === null ? '       -' : String(Math.round(n)).padStart(8));
function shortUrl(u) {
  try {
    const x = new URL(u);
    const p = x.pathname + x.search;
    return (loopback(u) ? p : x.host + p).replace(/-[0-9a-f]{12,16}(?=[._])/, '-…');
  } catch {
    return u;
  }
}

function requestTable(title, rows) {
  console.log(`\n${title}`);
  console.log(`  ${'request'.padEnd(52)} ${'type'.padEnd(10)} ${'status'.padStart(6)} ${'coding'.padEnd(6)} ${'KB sent'.padStart(8)} ${'KB body'.padStart(8)}`);
  let total = 0;
  for (const r of rows.sort((a, b) => (a.start ?? 0) - (b.start ?? 0))) {
    total += r.bytes ?? 0;
    const status = r.failed ? 'failed' : r.end === undefined ? 'pending' : String(r.status ?? '');
    console.log(`  ${shortUrl(r.url).slice(0, 52).padEnd(52)} ${String(r.type ?? '').slice(0, 10).padEnd(10)} ${status.padStart(6)} ${(r.encoding || '-').padEnd(6)} ${kb(r.bytes ?? 0)} ${kb(r.decoded ?? 0)}`);
  }
  console.log(`  ${'total'.padEnd(52)} ${''.padEnd(10)} ${''.padStart(6)} ${''.padEnd(6)} ${kb(total)} ${kb(rows.reduce((s, r) => s + (r.decoded ?? 0), 0))}`);
  return total;
}

/** Drags and zooms the map for about `seconds` while collecting rAF intervals in the page. */
async function panAndZoom(page, seconds) {
  const canvas = page.locator(CANVAS).first();
  let box = (await canvas.count()) ? await canvas.boundingBox() : null;
  if (!box) {
    const any = page.locator('.leaflet-container').first();
    box = (await any.count()) ? await any.boundingBox() : null;
  }
  if (!box) return null;
  await page.evaluate(() => {
    const f = { times: [], long: 0, running: true, moved: 0, zooming: 0, last: '' };
    window.__frames = f;
    const pane = document.querySelector('.leaflet-map-pane');
    try {
      new PerformanceObserver((l) => { for (const e of l.getEntries()) f.long += e.duration - 50; }).observe({ type: 'longtask' });
    } catch {}
    const tick = (t) => {
      f.times.push(t);
      // Whether the interactions reach the map: frames where the map pane moved or zoomed.
      const now = pane ? pane.style.transform : '';
      if (now !== f.last) { f.moved++; f.last = now; }
      if (document.querySelector('.leaflet-zoom-anim')) f.zooming++;
      if (f.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + Math.min(box.height, 740) / 2;
  const reach = Math.min(box.width, box.height) / 3;
  const started = Date.now();
  const moves = [[reach, 0], [0, reach], [-reach, -reach / 2], [-reach / 2, reach / 3], [reach / 2, -reach]];
  let step = 0;
  while (Date.now() - started < seconds * 1000) {
    const [dx, dy] = moves[step % moves.length];
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(cx + (dx * i) / 12, cy + (dy * i) / 12);
    await page.mouse.up();
    if (step % 2 === 1) {
      // Zoom in and out again around the centre with the wheel.
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, step % 4 === 1 ? -240 : 240);
      await page.waitForTimeout(300);
    }
    if (step % 3 === 2) {
      // The keyboard alternative: focus the map, pan with the arrows, zoom in and out.
      await page.locator(CANVAS).first().focus().catch(() => {});
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'Equal', 'ArrowLeft', 'Minus']) {
        await page.keyboard.press(key);
      }
      await page.waitForTimeout(200);
    }
    step++;
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const f = window.__frames;
    f.running = false;
    const d = [];
    for (let i = 1; i < f.times.length; i++) d.push(f.times[i] - f.times[i - 1]);
    d.sort((a, b) => a - b);
    const q = (p) => (d.length ? d[Math.min(d.length - 1, Math.floor(p * d.length))] : NaN);
    return { frames: d.length, p50: q(0.5), p95: q(0.95), max: d[d.length - 1], over50: d.filter((x) => x > 50).length, blocking: f.long, moved: f.moved, zooming: f.zooming };
  });
}

console.log(`bench-map: ${base}${path}  (${phone ? 'phone 360x740' : 'desktop 1280x800'}, Accept-Encoding: ${ACCEPT})`);
const runs = [];
for (const throttle of [1, THROTTLE]) {
  const run = await coldLoad(throttle);
  runs.push(run);
  if (throttle === 1) {
    run.sent = requestTable(`Transfer until interactive (cold, no throttling): ${run.before.length} requests`, run.before);
    if (run.after.length) requestTable(`After interactive (within 1 s), not counted above: ${run.after.length} requests`, run.after);
    if (run.blocked.length) console.log(`\nBlocked (not loopback): ${run.blocked.join(', ')}`);
    await run.context.close();
  }
}

const throttled = runs[1];
const frames = await panAndZoom(throttled.page, Number(process.env.BENCH_PAN_SECONDS ?? 5));
await browser.close();

console.log('\nCold load                      CPU 1x   CPU ' + `${THROTTLE}x`.padEnd(5));
const row = (name, f) => console.log(`  ${name.padEnd(28)}${ms(f(runs[0]))} ${ms(f(runs[1]))}`);
row('first contentful paint, ms', (r) => r.marks.fcp);
row('markers present, ms', (r) => r.marks.marker);
row('first comment visible, ms', (r) => r.marks.comment);
row('interactive, ms', (r) => r.interactive);
row('largest contentful paint, ms', (r) => r.marks.lcp);
row('marker/cluster icons', (r) => r.markers);
row('comments in the list', (r) => r.comments);
console.log(`\nTransferred until interactive: ${(runs[0].sent / 1024).toFixed(1)} KB (goal <= 150 KB)`);
if (frames) {
  console.log(`\nPan and zoom for ${process.env.BENCH_PAN_SECONDS ?? 5} s at CPU ${THROTTLE}x (requestAnimationFrame intervals)`);
  console.log(`  frames ${frames.frames}, p50 ${frames.p50.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms, ` +
    `frames over 50 ms: ${frames.over50}, long-task time over 50 ms: ${Math.round(frames.blocking)} ms`);
  console.log(`  the map moved in ${frames.moved} frames and animated a zoom in ${frames.zooming}` +
    (frames.moved < 10 ? ' — the drags and keys hardly reached the map; the intervals say little' : ''));
} else {
  console.log(`\nPan and zoom: no map container (${CANVAS}) found; skipped.`);
}
const errors = runs.flatMap((r) => [...r.marks.errors, ...r.consoleErrors]);
if (errors.length) console.log(`\nPage errors:\n${[...new Set(errors)].map((e) => '  ' + e).join('\n')}`);
