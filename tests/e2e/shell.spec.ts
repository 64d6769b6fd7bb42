import { test, expect, LANGS, strings, config, rememberLanguage, axeViolations, screenshot } from './fixtures';

// Every route, in every language, on the phone and desktop projects.
const ROUTES: { path: string; title: (t: Record<string, string>, name: string) => string }[] = [
  { path: '/', title: (t, name) => t.home_title.replace('{name}', name) },
  { path: '/plans', title: (t) => t.plans_title },
  { path: '/projects', title: (t) => t.projects_title },
  { path: '/events', title: (t) => t.events_title },
  { path: '/followed', title: (t) => t.followed_title },
  { path: '/accessibility', title: (t) => t.a11y_title },
  { path: '/no/such-page', title: (t) => t.not_found_title },
];

for (const lang of LANGS) {
  for (const route of ROUTES) {
    test(`${route.path} renders in ${lang} with no axe violations`, async ({ page, blocked, cspViolations }, info) => {
      const t = strings[lang];
      const name = config.municipality.name[lang];
      await rememberLanguage(page, lang);
      await page.goto(route.path);
      await expect(page.locator('h1')).toHaveText(route.title(t, name));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page).toHaveTitle(new RegExp(`^${escape(route.title(t, name))} – `));
      await expect(page.getByRole('navigation', { name: t.nav_label })).toBeVisible();
      await expect(page.getByRole('link', { name: t.footer_accessibility })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${info.project.name}-${lang}${route.path.replace(/\//g, '_')}`);
      expect(await cspViolations()).toEqual([]);
      expect(blocked).toEqual([]);
    });
  }
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
