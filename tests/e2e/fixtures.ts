import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'fs';
import * as path from 'path';

/** The UI strings, read from the same locale files the app is built from. */
export type Lang = 'fi' | 'sv' | 'en';
export const LANGS: Lang[] = ['fi', 'sv', 'en'];
const localeDir = path.resolve(__dirname, '../../src/i18n/locales');
function readLocale(lang: Lang): Record<string, string> {
  const areas = fs
    .readdirSync(localeDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(localeDir, d.name, `${lang}.json`));
  return Object.assign(
    {},
    ...[path.join(localeDir, `${lang}.json`), ...areas].map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))),
  );
}
export const strings: Record<Lang, Record<string, string>> = Object.fromEntries(
  LANGS.map((l) => [l, readLocale(l)]),
) as Record<Lang, Record<string, string>>;
export const config = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../public/config.json'), 'utf8'),
);

export const ARTIFACTS = path.resolve(__dirname, 'artifacts');

function isLoopback(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

type Fixtures = {
  /** Requests the page tried to make beyond the loopback interface (all blocked). */
  blocked: string[];
  /** Content-Security-Policy violations reported by the page. */
  cspViolations: () => Promise<string[]>;
  browserErrors: void;
};

export const test = base.extend<Fixtures>({
  blocked: async ({ context }, use) => {
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    await use(blocked);
  },
  browserErrors: [
    async ({ page }, use) => {
      // A panic or an uncaught error is printed with the test's output, to explain a failure.
      page.on('console', (m) => {
        if (m.type() === 'error') console.log(`[browser console] ${m.text().slice(0, 2000)}`);
      });
      page.on("pageerror", (e) => console.log(`[browser error] ${e.stack ?? e.message}`));
      await use();
    },
    { auto: true },
  ],
  cspViolations: async ({ page }, use) => {
    await page.addInitScript(() => {
      (window as any).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await use(() => page.evaluate(() => (window as any).__csp as string[]));
  },
});

/** Starts the app in `lang` (as if the resident had chosen it earlier). */
export async function rememberLanguage(page: Page, lang: Lang) {
  await page.addInitScript((l) => window.localStorage.setItem('osallistu.lang', l), lang);
}

/** Runs axe with the WCAG 2.0/2.1 A and AA rules and returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export { expect };
