import { defineConfig } from '@playwright/test';
import * as path from 'path';

// End-to-end tests: the release build in dist/, served by the real reference server with a
// fresh demo database, driven in Debian's Chromium (never a downloaded browser).
const root = path.resolve(__dirname, '../..');
const port = Number(process.env.OSALLISTU_E2E_PORT ?? 4817);
const database = path.join(root, 'target', 'e2e.sqlite');
// The same build configured for Kerrokantasi + Linked Events (fakes) + the reference server.
export const FAKES = {
  kerrokantasi: port + 1,
  linkedEvents: port + 2,
  app: port + 3,
  host: port + 4,
};
/** The real OpenID Connect provider staff sign in with (tests/idp/idp.mjs). */
export const IDP = port + 5;
const staffDist = path.join(root, 'target', 'e2e-dist');
const fakeDist = path.join(root, 'target', 'e2e-dist-fakes');
const fakeDatabase = path.join(root, 'target', 'e2e-fakes.sqlite');

export default defineConfig({
  testDir: '.',
  outputDir: path.join(root, 'target', 'playwright'),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    // The service worker would answer requests before page.route() sees them; only the
    // offline specs (pwa.spec.ts) let it run.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'phone', use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: [
    {
      command:
        `node "${root}/tests/e2e/fakes/staff-dist.mjs" "${root}/dist" "${staffDist}" ${IDP} && ` +
        `rm -f "${database}"* && OSALLISTU_LOG=warn exec "${root}/target/release/osallistu-server" --dist "${staffDist}" --database "${database}" --listen 127.0.0.1:${port} --demo ` +
        `--staff-issuer http://127.0.0.1:${IDP} --staff-audience osallistu-api`,
      url: `http://127.0.0.1:${port}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command: `exec node "${root}/tests/idp/idp.mjs" --port ${IDP} --app-origin http://127.0.0.1:${port} --test-hooks`,
      url: `http://127.0.0.1:${IDP}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
    },
    {
      command: `exec node "${root}/tests/e2e/fakes/backends.mjs" ${FAKES.kerrokantasi} ${FAKES.linkedEvents}`,
      url: `http://127.0.0.1:${FAKES.linkedEvents}/v1/event/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
    },
    {
      command:
        `node "${root}/tests/e2e/fakes/app-dist.mjs" "${root}/dist" "${fakeDist}" ${FAKES.kerrokantasi} ${FAKES.linkedEvents} ${FAKES.host} && ` +
        `rm -f "${fakeDatabase}"* && OSALLISTU_LOG=warn exec "${root}/target/release/osallistu-server" --dist "${fakeDist}" --database "${fakeDatabase}" --listen 127.0.0.1:${FAKES.app} --demo`,
      url: `http://127.0.0.1:${FAKES.app}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      // A municipal website on another origin that embeds the app above with embed.js.
      command: `exec node "${root}/tests/e2e/fakes/host.mjs" ${FAKES.host} http://127.0.0.1:${FAKES.app}`,
      url: `http://127.0.0.1:${FAKES.host}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
    },
  ],
});
