import { test, expect, LANGS, strings, rememberLanguage, axeViolations, screenshot } from './fixtures';

// Demo town projects (server/src/demo.rs): 1 Jokiranta park (in progress, 3 updates),
// 2 Kauppakatu pedestrian street (planned), 3 Mäntymäki school (in progress), 4 Peltola bridge (done).
const PARK = { id: 1, en: 'Jokiranta riverside park', fi: 'Jokirannan rantapuisto', sv: 'Strandparken vid Åstranden' };
const BRIDGE_EN = 'Peltola walking and cycling bridge';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

for (const lang of LANGS) {
  test(`the project list and a project page in ${lang} have no axe violations`, async ({ page, blocked, cspViolations }, info) => {
    const t = strings[lang];
    await rememberLanguage(page, lang);
    await page.goto('/projects');
    await expect(page.locator('h1')).toHaveText(t.projects_title);
    await expect(page.getByRole('status').filter({ hasText: fill(t.projects_count, { count: 4 }) })).toBeVisible();
    await expect(page.getByRole('link', { name: PARK[lang] })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${info.project.name}-${lang}-projects`);

    await page.getByRole('link', { name: PARK[lang] }).click();
    await expect(page).toHaveURL(/\/projects\/1$/);
    await expect(page.locator('h1')).toHaveText(PARK[lang]);
    await expect(page.getByRole('heading', { name: t.projects_updates_heading })).toBeVisible();
    await expect(page.locator('.os-timeline__item')).toHaveCount(3);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${info.project.name}-${lang}-project`);
    expect(await cspViolations()).toEqual([]);
    expect(blocked).toEqual([]);
  });
}

test('filters by status, area and text narrow the list, and the map and list select together', async ({ page }, info) => {
  const t = strings.en;
  await rememberLanguage(page, 'en');
  await page.goto('/projects');
  const count = (n: number) => page.getByRole('status').filter({ hasText: fill(t.projects_count, { count: n }) });
  await expect(count(4)).toBeVisible();

  await page.getByLabel(t.projects_status_label).selectOption({ label: t.projects_status_completed });
  await expect(count(1)).toBeVisible();
  await expect(page.getByRole('link', { name: BRIDGE_EN })).toBeVisible();
  await page.getByLabel(t.projects_status_label).selectOption({ label: t.projects_status_any });
  await expect(count(4)).toBeVisible();

  // The search applies once typing pauses; every filter is in the address.
  await page.getByLabel(t.projects_search_label).fill('school');
  await expect(count(1)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mäntymäki school extension' })).toBeVisible();
  await expect(page).toHaveURL(/\/projects\?q=school$/);
  await page.getByLabel(t.projects_search_label).fill('');
  await expect(count(4)).toBeVisible();
  await expect(page).toHaveURL(/\/projects$/);

  // Areas come from the projects' plans; choosing one leaves only the projects there.
  const area = page.getByLabel(t.projects_area_label);
  const options = await area.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(2);
  await area.selectOption({ label: options[1] });
  const cards = page.locator('.os-project-card');
  // The list follows the choice (through the address): wait for it rather than count at once.
  await expect.poll(() => cards.count()).toBeLessThan(4);
  expect(await cards.count()).toBeGreaterThan(0);
  for (const card of await cards.all()) {
    await expect(card.locator('.os-project-card__area')).toHaveText(options[1]);
  }
  await area.selectOption({ label: t.projects_area_any });
  await expect(cards).toHaveCount(4);

  // The list is the map's equal: "show on map" selects the project there and is pressed.
  const locate = page.getByRole('button', { name: fill(t.projects_locate_name, { title: PARK.en }) });
  await locate.click();
  await expect(locate).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.os-project-card--selected')).toHaveCount(1);
  await expect(page.locator('.os-map__canvas')).toBeVisible();
  await screenshot(page, `${info.project.name}-en-projects-selected`);
});

test('the filters live in the address: a shared link shows the same list, and Back from a project restores them', async ({ page }) => {
  const t = strings.en;
  await rememberLanguage(page, 'en');
  const count = (n: number) => page.getByRole('status').filter({ hasText: fill(t.projects_count, { count: n }) });
  await page.goto('/projects?status=completed');
  await expect(count(1)).toBeVisible();
  await expect(page.getByLabel(t.projects_status_label)).toHaveValue('completed');

  await page.getByLabel(t.projects_status_label).selectOption({ label: t.projects_status_any });
  await expect(count(4)).toBeVisible();
  await expect(page).toHaveURL(/\/projects$/);
  await page.getByLabel(t.projects_search_label).fill('bridge');
  await expect(count(1)).toBeVisible();
  await page.getByRole('link', { name: BRIDGE_EN }).click();
  await expect(page.locator('h1')).toHaveText(BRIDGE_EN);
  await page.goBack();
  await expect(page).toHaveURL(/\/projects\?q=bridge$/);
  await expect(count(1)).toBeVisible();
  await expect(page.getByLabel(t.projects_search_label)).toHaveValue('bridge');

  await page.getByRole('button', { name: t.filters_clear }).click();
  await expect(count(4)).toBeVisible();
  await expect(page.getByLabel(t.projects_search_label)).toHaveValue('');
  await expect(page).toHaveURL(/\/projects$/);
});

test('a project page links its plans and events, offers its Atom feed and the feed holds the updates', async ({ page }) => {
  const t = strings.en;
  await rememberLanguage(page, 'en');
  await page.goto('/projects/1');
  await expect(page.locator('h1')).toHaveText(PARK.en);

  // Updates newest first. They load on their own, after the heading: wait for them.
  const expected = ['Jetty installed', 'Construction begins', 'Park master plan ready'];
  await expect(page.locator('.os-timeline__title')).toHaveText(expected);
  const titles = await page.locator('.os-timeline__title').allTextContents();
  expect(titles).toEqual(expected);
  const dates = await page.locator('.os-timeline__item time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  expect([...dates].sort().reverse()).toEqual(dates);

  const plans = page.getByRole('region', { name: t.projects_plans_heading });
  await expect(plans.getByRole('link')).not.toHaveCount(0);
  const events = page.getByRole('region', { name: t.projects_events_heading });
  await expect(events.getByRole('link')).not.toHaveCount(0);
  expect(await plans.getByRole('link').first().getAttribute('href')).toMatch(/^\/plans\/\d+$/);
  expect(await events.getByRole('link').first().getAttribute('href')).toMatch(/^\/events\/\d+$/);

  // A visible subscribe link and the alternate link in the head, both in the page's language.
  const subscribe = page.getByRole('link', { name: t.projects_subscribe });
  await expect(subscribe).toHaveAttribute('href', '/api/v1/projects/1/updates.atom?lang=en');
  const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(alternate).toHaveCount(1);
  await expect(alternate).toHaveAttribute('href', '/api/v1/projects/1/updates.atom?lang=en');
  await expect(alternate).toHaveAttribute('title', fill(t.projects_feed_title, { title: PARK.en }));

  const feed = await page.evaluate(async (href) => {
    const response = await fetch(href);
    const text = await response.text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const ns = 'http://www.w3.org/2005/Atom';
    return {
      type: response.headers.get('content-type'),
      errors: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
      entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => e.getElementsByTagNameNS(ns, 'title')[0].textContent),
    };
  }, (await subscribe.getAttribute('href'))!);
  expect(feed.type).toContain('application/atom+xml');
  expect(feed.errors).toBe(0);
  expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
  expect(feed.entries.slice(-3)).toEqual(titles.slice(-3));

  // The head link goes away with the page.
  await page.getByRole('link', { name: t.projects_back }).click();
  await expect(page.locator('h1')).toHaveText(t.projects_title);
  await expect(alternate).toHaveCount(0);
});

test('an unknown project says so', async ({ page }) => {
  await rememberLanguage(page, 'sv');
  await page.goto('/projects/999');
  await expect(page.getByRole('alert')).toHaveText(strings.sv.projects_not_found);
});
