// Installable-app checks for scripts/bench-lighthouse (Lighthouse 12 no longer has a PWA
// category): Chromium's own installability verdict, the manifest's fields, and whether a page
// opened once opens again offline through the service worker.
//
//   node scripts/bench/pwa.mjs <base url> <path>...
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [base, ...paths] = process.argv.slice(2);
for (const p of paths) {
  // A persistent profile: Chromium never offers to install from an incognito-like context.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'osallistu-pwa-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
    viewport: { width: 412, height: 823 },
    isMobile: true,
    hasTouch: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(base + p, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await page.reload({ waitUntil: 'networkidle' });
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const manifestUrl = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await page.request.get(new URL(manifestUrl, page.url()).href)).json();
  const h1Online = await page.locator('h1').first().innerText();
  await context.setOffline(true);
  await page.reload();
  let offline = 'no';
  try {
    await page.locator('h1').first().waitFor({ timeout: 10_000 });
    offline = (await page.locator('h1').first().innerText()) === h1Online ? 'yes' : 'other page';
  } catch {}
  const errors = installabilityErrors.map((e) => e.errorId).join(', ') || 'none';
  console.log(
    `${p.padEnd(16)} installable: ${errors === 'none' ? 'yes' : 'no'} (errors: ${errors}); ` +
      `manifest "${manifest.name}" ${manifest.lang} ${manifest.display} icons ${manifest.icons.map((i) => i.sizes + (i.purpose === 'maskable' ? ' maskable' : '')).join(', ')}; ` +
      `opens offline after one visit: ${offline}`,
  );
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
