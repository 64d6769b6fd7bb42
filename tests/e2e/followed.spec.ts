import { test, expect, LANGS, strings, rememberLanguage, axeViolations, screenshot, config } from './fixtures';
import type { Page } from '@playwright/test';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

// Each test and device project follows its own demo project, so tests running side by side
// against the one server never see each other's updates.
const PROJECTS: Record<string, { id: number; en: string }> = {
  'journey-phone': { id: 3, en: 'Mäntymäki school extension' },
  'journey-desktop': { id: 2, en: 'Kauppakatu pedestrian street' },
  kiosk: { id: 4, en: 'Peltola walking and cycling bridge' },
  axe: { id: 1, en: 'Jokiranta riverside park' },
};

const navFollowed = (page: Page, t: Record<string, string>) =>
  page.getByRole('navigation', { name: t.nav_label }).getByRole('link', { name: new RegExp(`^${t.nav_followed}`) });

async function follow(page: Page, t: Record<string, string>, project: { id: number; en: string }) {
  await page.goto(`/projects/${project.id}`);
  const off = page.getByRole('button', { name: fill(t.projects_follow_name_off, { title: project.en }) });
  await expect(off).toHaveAttribute('aria-pressed', 'false');
  await off.click();
  const on = page.getByRole('button', { name: fill(t.projects_follow_name_on, { title: project.en }) });
  await expect(on).toHaveAttribute('aria-pressed', 'true');
  await expect(on).not.toHaveAttribute('aria-busy', 'true');
  return on;
}

test('follow a project, the server adds an update, the badge and feed show it, opening it marks it seen, unfollow', async ({ page, blocked }, info) => {
  const t = strings.en;
  const project = PROJECTS[`journey-${info.project.name}`];
  await rememberLanguage(page, 'en');
  await follow(page, t, project);

  await page.goto('/followed');
  const group = page.getByRole('region', { name: t.projects_followed_group_project });
  await expect(group.getByRole('link', { name: project.en })).toBeVisible();
  await expect(group.getByText(t.projects_followed_none_new)).toBeVisible();
  await expect(navFollowed(page, t)).toHaveAccessibleName(t.nav_followed);

  // At once: the server keeps instants to the microsecond, so an update in the same second as
  // the follow is still new (#21 point 13).
  const title = `Work update ${info.project.name} ${Date.now()}`;
  const added = await page.request.post(`/api/v1/demo/projects/${project.id}/updates`, {
    data: { title: { fi: `Työmaatiedote ${title}`, en: title }, body: { fi: 'Työt etenevät.', en: 'Work goes on.' } },
  });
  expect(added.status()).toBe(201);

  // Coming back to the tab checks for changes (no polling loop needed).
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(navFollowed(page, t)).toHaveAccessibleName(fill(t.projects_nav_followed_new, { label: t.nav_followed, count: 1 }));
  await expect(group.getByText(fill(t.projects_followed_new_count, { count: 1 }))).toBeVisible();
  const line = page.locator('.os-feed__item').filter({ hasText: fill(t.projects_change_project_update, { title }) });
  await expect(line).toHaveClass(/os-feed__item--new/);
  await expect(page.locator('.os-feed__item').first()).toContainText(title);
  await screenshot(page, `${info.project.name}-en-followed-new`);

  await line.getByRole('link', { name: project.en }).click();
  await expect(page.locator('h1')).toHaveText(project.en);
  await expect(page.locator('.os-timeline__title').first()).toHaveText(title);
  await expect(navFollowed(page, t)).toHaveAccessibleName(t.nav_followed);

  await navFollowed(page, t).click();
  await expect(group.getByText(t.projects_followed_none_new)).toBeVisible();
  await expect(line).not.toHaveClass(/os-feed__item--new/);
  // Reloading keeps the seen mark: it is on the device.
  await page.reload();
  await expect(page.getByRole('region', { name: t.projects_followed_group_project }).getByText(t.projects_followed_none_new)).toBeVisible();
  await expect(navFollowed(page, t)).toHaveAccessibleName(t.nav_followed);

  // Unfollow: the project leaves the list, on the device and on the server.
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('button', { name: fill(t.projects_follow_name_on, { title: project.en }) }).click();
  await expect(page.getByRole('button', { name: fill(t.projects_follow_name_off, { title: project.en }) })).toHaveAttribute('aria-pressed', 'false');
  await navFollowed(page, t).click();
  await expect(page.getByText(t.projects_followed_empty)).toBeVisible();
  await page.reload();
  await expect(page.getByText(t.projects_followed_empty)).toBeVisible();
  expect(blocked).toEqual([]);
});

test('an unfollow the server has not finished yet is not undone by the list the Followed page loads meanwhile', async ({ page }, info) => {
  const t = strings.en;
  const project = PROJECTS[`journey-${info.project.name}`];
  await rememberLanguage(page, 'en');
  const on = await follow(page, t, project);
  // The unfollow reaches the server only after the Followed page has asked for its list (as on
  // a busy phone): the list still has the project, and must not bring it back.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/v1/projects/${project.id}/unfollow`, async (route) => {
    await held;
    await route.continue();
  });
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me');
  await on.click();
  await expect(page.getByRole('button', { name: fill(t.projects_follow_name_off, { title: project.en }) })).toHaveAttribute('aria-pressed', 'false');
  await navFollowed(page, t).click();
  expect((await (await listed).json()).follows).not.toHaveLength(0);
  await expect(page.getByText(t.projects_followed_empty)).toBeVisible();
  release();
  await page.waitForResponse((r) => r.url().endsWith(`/projects/${project.id}/unfollow`));
  await page.reload();
  await expect(page.getByText(t.projects_followed_empty)).toBeVisible();
});

test('a refused follow goes back and says why', async ({ page }) => {
  const t = strings.fi;
  await rememberLanguage(page, 'fi');
  await page.route('**/api/v1/projects/1/follow', (route) =>
    route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"status":503,"code":"unavailable"}' }),
  );
  await page.goto('/projects/1');
  const name = 'Jokirannan rantapuisto';
  await page.getByRole('button', { name: fill(t.projects_follow_name_off, { title: name }) }).click();
  await expect(page.getByRole('alert')).toContainText(fill(t.projects_follow_failed_on, { reason: '' }).trim());
  await expect(page.getByRole('button', { name: fill(t.projects_follow_name_off, { title: name }) })).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => localStorage.getItem('osallistu.follows'))).toBe('[]');
});

test('in kiosk mode follows live only in the session and nothing is left after it', async ({ page, context }) => {
  // What is tested: with kiosk.enabled the follow list and the participant token are kept in
  // sessionStorage only (localStorage holds nothing of ours), and once the session's storage is
  // cleared, as the kiosk reset does, a new page finds nothing followed.
  const kiosk = { ...config, kiosk: { ...config.kiosk, enabled: true } };
  await context.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(kiosk) }),
  );
  const lang = config.languages.default as 'fi' | 'sv' | 'en';
  const t = strings[lang];
  await page.goto('/');
  await follow(page, t, { id: PROJECTS.kiosk.id, en: await projectTitle(page, PROJECTS.kiosk.id) });
  const stored = await page.evaluate(() => ({
    local: Object.keys(localStorage).filter((k) => k.startsWith('osallistu.')),
    session: Object.keys(sessionStorage).filter((k) => k.startsWith('osallistu.')),
  }));
  expect(stored.local).toEqual([]);
  expect(stored.session).toEqual(expect.arrayContaining(['osallistu.follows']));
  expect(stored.session.some((k) => k.startsWith('osallistu.participant.'))).toBe(true);

  await page.evaluate(() => sessionStorage.clear());
  const next = await context.newPage();
  await next.goto('/followed');
  await expect(next.locator('h1')).toHaveText(t.followed_title);
  await expect(next.getByText(t.projects_followed_empty)).toBeVisible();
  await expect(next.getByText(t.projects_followed_kiosk_note)).toBeVisible();
  const left = await next.evaluate(() =>
    [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('osallistu.')),
  );
  expect(left).toEqual([]);
});

async function projectTitle(page: Page, id: number): Promise<string> {
  await expect(page.locator('h1')).toBeVisible();
  const lang = (await page.locator('html').getAttribute('lang')) ?? 'fi';
  const r = await page.request.get(`/api/v1/projects/${id}`);
  return (await r.json()).title[lang];
}

for (const lang of LANGS) {
  test(`the followed page with items and changes in ${lang} has no axe violations`, async ({ page, cspViolations }, info) => {
    const t = strings[lang];
    await rememberLanguage(page, lang);
    await page.goto('/');
    const title = await projectTitle(page, PROJECTS.axe.id);
    await follow(page, t, { id: PROJECTS.axe.id, en: title });
    await page.goto('/followed');
    await expect(page.getByRole('region', { name: t.projects_followed_group_project }).getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByRole('button', { name: t.projects_notify_button })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${info.project.name}-${lang}-followed`);
    expect(await cspViolations()).toEqual([]);
  });
}

test('notifications are asked for only on a click', async ({ page, context }) => {
  const t = strings.en;
  await rememberLanguage(page, 'en');
  await page.addInitScript(() => {
    (window as any).__asked = 0;
    const original = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = (...args: any[]) => {
      (window as any).__asked++;
      return original(...args);
    };
  });
  await context.grantPermissions(['notifications']);
  await page.goto('/followed');
  const button = page.getByRole('button', { name: t.projects_notify_button });
  await expect(button).toBeVisible();
  expect(await page.evaluate(() => (window as any).__asked)).toBe(0);
  await button.click();
  await expect(page.getByText(t.projects_notify_on)).toBeVisible();
  expect(await page.evaluate(() => (window as any).__asked)).toBe(1);
});
