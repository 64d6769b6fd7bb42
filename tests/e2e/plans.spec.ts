import { test, expect, strings, rememberLanguage, axeViolations, screenshot, LANGS, Lang } from './fixtures';
import type { APIRequestContext, Page } from '@playwright/test';

// Plan 1 (Jokiranta) is open for comments and has no survey questions; plan 2 (Kauppakatu)
// is open and has a required question. Texts are unique per test run, so parallel tests
// never count each other's comments.
const OPEN_PLAN = 1;
const SURVEY_PLAN = 2;
const en = strings.en;

function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Comments on `plan` whose text is `text`, as the server has them (top level or replies). */
async function stored(request: APIRequestContext, plan: number, text: string, parent?: number) {
  const q = parent ? `&parent_id=${parent}` : '';
  const res = await request.get(`/api/v1/plans/${plan}/comments?limit=1000${q}`);
  expect(res.ok()).toBeTruthy();
  const body = await res.json();
  return (body.items as any[]).filter((c) => c.text === text);
}

async function openPlan(page: Page, plan: number, lang: Lang = 'en') {
  await rememberLanguage(page, lang);
  await page.goto(`/plans/${plan}`);
  await expect(page.locator('.os-comment').first()).toBeVisible();
  await expect(page.locator('.os-map .leaflet-container')).toBeVisible();
}

async function writeComment(page: Page, text: string) {
  await page.getByLabel(en.plans_form_text).fill(text);
}

test('the list filters live in the address: shared, reloaded and cleared', async ({ page }) => {
  await rememberLanguage(page, 'en');
  await page.goto('/plans');
  const cards = page.locator('.os-plan-card');
  await expect(cards.first()).toBeVisible();
  const all = await cards.count();
  expect(all).toBeGreaterThan(1);

  await page.getByLabel(en.plans_filter_text).fill('Jokiranta');
  await expect(page).toHaveURL(/\/plans\?q=Jokiranta$/);
  await expect(cards).toHaveCount(1);
  await page.getByLabel(en.plans_filter_phase).selectOption('draft');
  await expect(page).toHaveURL(/[?&]phase=draft/);
  // A shared address opens the same list, with the fields filled in.
  const shared = page.url();
  await page.goto('/');
  await page.goto(shared);
  await expect(page.getByLabel(en.plans_filter_text)).toHaveValue('Jokiranta');
  await expect(page.getByLabel(en.plans_filter_phase)).toHaveValue('draft');
  await page.getByLabel(en.plans_filter_open).check();
  await expect(page).toHaveURL(/[?&]open=1/);
  // One button clears them all.
  await page.getByRole('button', { name: en.filters_clear }).click();
  await expect(page).toHaveURL(/\/plans$/);
  await expect(page.getByLabel(en.plans_filter_text)).toHaveValue('');
  await expect(page.getByLabel(en.plans_filter_open)).not.toBeChecked();
  await expect(cards).toHaveCount(all);
});

test('browse the plans, open one and comment on a point placed with the keyboard', async ({ page, request, blocked }) => {
  await rememberLanguage(page, 'en');
  await page.goto('/plans');
  const card = page.locator('.os-plan-card', { hasText: 'Jokiranta' });
  await expect(card).toBeVisible();
  // Map and list stay in sync: "show on map" marks the card as selected.
  await card.getByRole('button', { name: /Jokiranta/ }).click();
  await expect(card).toHaveClass(/os-plan-card--selected/);
  await card.getByRole('link').click();
  await expect(page).toHaveURL(/\/plans\/1$/);
  await expect(page.locator('h1')).toContainText('Jokiranta');
  await expect(page.locator('.os-comment').first()).toBeVisible();

  const text = unique('Puistoon lisää penkkejä');
  await writeComment(page, text);
  await page.getByLabel(en.plans_location_point).check();
  await page.getByRole('button', { name: en.plans_location_add_centre }).click();
  await expect(page.locator('.os-map-vertex')).toHaveCount(1);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('.os-form__status').first()).toHaveText(en.plans_send_sent);

  // In the list, first, as text; on the map as a marker; on the server once, with its point.
  const mine = page.locator('.os-comment', { hasText: text });
  await expect(mine).toBeVisible();
  await expect(page.getByLabel(en.plans_form_text)).toHaveValue('');
  const rows = await stored(request, OPEN_PLAN, text);
  expect(rows).toHaveLength(1);
  expect(rows[0].geometry.type).toBe('Point');
  await mine.getByRole('button', { name: en.plans_show_comment_on_map }).click();
  await expect(mine).toHaveClass(/os-comment--selected/);
  await expect(page.locator(`.leaflet-marker-icon[title*="${text}"]`)).toBeVisible({ timeout: 10_000 });
  expect(blocked).toEqual([]);
});

test('draw an area by tapping the map, undo a point, and send it', async ({ page, request }) => {
  await openPlan(page, OPEN_PLAN);
  const text = unique('Tämä alue kannattaa säilyttää metsänä');
  await writeComment(page, text);
  await page.getByLabel(en.plans_location_area).check();
  const map = page.locator('.os-plan__map .leaflet-container');
  const tap = async (x: number, y: number) => {
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await page.waitForTimeout(350); // two taps, not a double click
  };
  await tap(0.3, 0.3);
  await tap(0.7, 0.3);
  // Two points are not an area yet: the error is next to the location field, text kept.
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('#os-comment-location-error')).toContainText('3');
  await expect(page.getByLabel(en.plans_form_text)).toHaveValue(text);
  await tap(0.75, 0.6);
  await page.getByRole('button', { name: en.plans_location_undo }).click();
  await tap(0.5, 0.7);
  await expect(page.locator('.os-map-vertex')).toHaveCount(3);
  await page.getByRole('button', { name: en.plans_location_finish }).click();
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('.os-comment', { hasText: text })).toBeVisible();
  const rows = await stored(request, OPEN_PLAN, text);
  expect(rows).toHaveLength(1);
  expect(rows[0].geometry.type).toBe('Polygon');
  expect(rows[0].geometry.coordinates[0]).toHaveLength(4);
});

test('survey answers are required where the plan says so, and nothing typed is lost', async ({ page, request }) => {
  await openPlan(page, SURVEY_PLAN);
  const text = unique('Kävelykatu on hyvä idea');
  await writeComment(page, text);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  const question = page.locator('fieldset[id^="os-question-"]').first();
  await expect(question.locator('.os-field__error')).toHaveText(en.plans_form_required);
  await expect(question).toBeFocused();
  await question.getByRole('radio').first().check();
  await expect(question.locator('.os-field__error')).toBeHidden();
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('.os-comment', { hasText: text })).toBeVisible();
  const rows = await stored(request, SURVEY_PLAN, text);
  expect(rows).toHaveLength(1);
  expect(rows[0].answers).toHaveLength(1);
});

test('the nickname stays after sending, for the next comment', async ({ page, request }) => {
  await openPlan(page, OPEN_PLAN);
  const first = unique('Ensimmäinen ajatus');
  await writeComment(page, first);
  await page.getByLabel(en.plans_form_nickname).fill('Aino');
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('.os-form__status').first()).toHaveText(en.plans_send_sent);
  await expect(page.getByLabel(en.plans_form_text)).toHaveValue('');
  await expect(page.getByLabel(en.plans_form_nickname)).toHaveValue('Aino');
  const second = unique('Toinen ajatus');
  await writeComment(page, second);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  const mine = page.locator('.os-comment', { hasText: second });
  await expect(mine).toBeVisible();
  // A name the resident chose is isolated from the text around it (right-to-left names).
  await expect(mine.locator('.os-comment__author bdi')).toHaveText('Aino');
  const rows = await stored(request, OPEN_PLAN, second);
  expect(rows).toHaveLength(1);
  expect(rows[0].nickname).toBe('Aino');
});

test('a draft survives a reload', async ({ page }) => {
  await openPlan(page, OPEN_PLAN);
  const text = unique('Keskeneräinen ajatus');
  await writeComment(page, text);
  await page.getByLabel(en.plans_form_nickname).fill('Aino');
  await page.getByLabel(en.plans_location_point).check();
  await page.getByRole('button', { name: en.plans_location_add_centre }).click();
  await page.reload();
  await expect(page.getByLabel(en.plans_form_text)).toHaveValue(text);
  await expect(page.getByLabel(en.plans_form_nickname)).toHaveValue('Aino');
  await expect(page.getByLabel(en.plans_location_point)).toBeChecked();
  await expect(page.locator('.os-map-vertex')).toHaveCount(1);
});

test('reply, vote and report', async ({ page, request }) => {
  await openPlan(page, OPEN_PLAN);
  const first = page.locator('.os-comment').first();
  const id = Number((await first.getAttribute('id'))!.replace('os-comment-', ''));
  const before = (await (await request.get(`/api/v1/comments/${id}`)).json()).n_votes;

  // Vote: the button's name says what it votes for and the count; pressed afterwards.
  const vote = first.locator('.os-vote').first();
  await expect(vote).toHaveAttribute('aria-label', new RegExp(`${before} votes`));
  await vote.click();
  await expect(vote).toHaveAttribute('aria-pressed', 'true');
  await expect(vote).toHaveAttribute('aria-label', new RegExp(`${before + 1} votes`));
  expect((await (await request.get(`/api/v1/comments/${id}`)).json()).n_votes).toBe(before + 1);
  await vote.click();
  await expect(vote).toHaveAttribute('aria-pressed', 'false');

  // Reply: threaded under the comment, stored with its parent.
  const reply = unique('Samaa mieltä');
  await first.getByRole('button', { name: en.plans_reply, exact: true }).click();
  await first.getByLabel(en.plans_reply_label).fill(reply);
  await first.getByRole('button', { name: en.plans_reply_send }).click();
  await expect(first.locator('.os-replies .os-comment', { hasText: reply })).toBeVisible();
  expect(await stored(request, OPEN_PLAN, reply, id)).toHaveLength(1);

  // Report with a reason: without one, the form says so.
  await first.getByRole('button', { name: en.plans_report, exact: true }).first().click();
  await first.getByRole('button', { name: en.plans_report_send }).click();
  await expect(first.locator('.os-report-form fieldset .os-field__error')).toHaveText(en.plans_form_required);
  await first.getByLabel(en.plans_report_spam).check();
  const sent = page.waitForResponse((r) => r.url().endsWith(`/comments/${id}/reports`));
  await first.getByRole('button', { name: en.plans_report_send }).click();
  expect((await sent).status()).toBe(202);
  await expect(first.getByText(en.plans_report_thanks)).toBeVisible();
});

test('keyboard only: reach a located comment and show it on the map', async ({ page }) => {
  await openPlan(page, OPEN_PLAN);
  const located = page.locator('.os-comment', { has: page.getByRole('button', { name: en.plans_show_comment_on_map }) }).first();
  const button = located.getByRole('button', { name: en.plans_show_comment_on_map });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(located).toHaveClass(/os-comment--selected/);
  // Every control of the form is reachable with Tab from the text field.
  await page.getByLabel(en.plans_form_text).focus();
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    seen.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''));
  }
  expect([...seen]).toContain('os-comment-nickname');
  expect([...seen]).toContain('os-comment-location-none');
  // Within the radio group the arrow keys choose; then the drawing tools are reachable.
  await page.locator('#os-comment-location-none').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#os-comment-location-point')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: en.plans_location_add_centre })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.os-map-vertex')).toHaveCount(1);
});

test('a double click sends one comment', async ({ page, request }) => {
  await openPlan(page, OPEN_PLAN);
  const text = unique('Tuplaklikkaus');
  await writeComment(page, text);
  await page.getByRole('button', { name: en.plans_form_send }).dblclick();
  await expect(page.locator('.os-comment', { hasText: text })).toHaveCount(1);
  await page.waitForTimeout(500);
  expect(await stored(request, OPEN_PLAN, text)).toHaveLength(1);
});

test('offline: the comment waits; the answer is lost mid-send; after a reload it is stored exactly once', async ({ page, context, request }) => {
  await openPlan(page, OPEN_PLAN);
  const text = unique('Lähetetty ilman verkkoa');
  await writeComment(page, text);
  await context.setOffline(true);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  await expect(page.locator('.os-form__status').first()).toHaveText(en.plans_send_waiting);
  // Back online, the comment is sent at once. The server stores it, but its answer never
  // reaches the page, which is then reloaded: the same key goes out again after the reload.
  let forwarded = 0;
  await page.route(`**/api/v1/plans/${OPEN_PLAN}/comments`, async (route) => {
    if (route.request().method() === 'POST' && forwarded === 0) {
      forwarded++;
      await route.fetch();
      await new Promise((r) => setTimeout(r, 5_000));
      return route.abort('connectionreset').catch(() => {});
    }
    return route.fallback();
  });
  await context.setOffline(false);
  await expect.poll(async () => (await stored(request, OPEN_PLAN, text)).length).toBe(1);
  await page.reload();
  await expect(page.locator('.os-comment', { hasText: text })).toBeVisible({ timeout: 15_000 });
  expect(forwarded).toBe(1);
  expect(await stored(request, OPEN_PLAN, text)).toHaveLength(1);
  // The draft is cleared only now that the server confirmed it.
  await expect(page.getByLabel(en.plans_form_text)).toHaveValue('');
});

test('the server fails twice, then accepts: one comment, and the resident sees the retries', async ({ page, request }) => {
  await openPlan(page, OPEN_PLAN);
  let failures = 0;
  await page.route(`**/api/v1/plans/${OPEN_PLAN}/comments`, (route) => {
    if (route.request().method() === 'POST' && failures < 2) {
      failures++;
      return route.fulfill({ status: 500, contentType: 'application/problem+json', body: '{"status":500,"title":"boom"}' });
    }
    return route.fallback();
  });
  const text = unique('Kolmas kerta toden sanoo');
  await writeComment(page, text);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  const status = page.locator('.os-form__status').first();
  await expect(status).toContainText(en.backend_error_server);
  // Relative, not a clock time: "Trying again in 1 s."
  const retry = new RegExp(en.plans_send_retry_in.replace('{duration}', '\\d+ s').replace('.', '\\.'));
  await expect(status).toContainText(retry);
  await expect(page.locator('.os-comment', { hasText: text })).toBeVisible({ timeout: 15_000 });
  expect(failures).toBe(2);
  expect(await stored(request, OPEN_PLAN, text)).toHaveLength(1);
});

test('script in comments and in plan text stays text and breaks no CSP rule', async ({ page, request, cspViolations }) => {
  const payloads = [
    '<img src=x onerror="window.__xss=1">',
    '<script>window.__xss=2</script>',
    '"><svg onload="window.__xss=3">',
    '<a href="javascript:window.__xss=4">x</a>',
  ];
  // The plan's rich text carries the same payloads (as a hostile or broken backend might send).
  await page.route(`**/api/v1/plans/${OPEN_PLAN}`, async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    for (const l of ['fi', 'sv', 'en']) body.description[l] = `<p>Kuvaus</p>${payloads.join('')}`;
    return route.fulfill({ response: res, json: body });
  });
  await openPlan(page, OPEN_PLAN);
  const text = unique(payloads.join(' '));
  await writeComment(page, text);
  await page.getByRole('button', { name: en.plans_form_send }).click();
  const mine = page.locator('.os-comment', { hasText: 'onerror' }).first();
  await expect(mine.locator('.os-comment__text')).toHaveText(text);
  await expect(page.locator('.os-rich-text')).toContainText('Kuvaus');
  await expect(page.locator('.os-rich-text script, .os-rich-text img, .os-rich-text svg, .os-rich-text [onerror]')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.os-comment', { hasText: 'onerror' }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  // Blink reports a blocked inline handler when it parses the backend HTML, before the
  // sanitiser removes it: that report is CSP doing its job. Anything else is a failure.
  const violations = (await cspViolations()).filter((v) => v !== 'script-src-attr inline');
  expect(violations).toEqual([]);
  expect(await stored(request, OPEN_PLAN, text)).toHaveLength(1);
});

for (const lang of LANGS) {
  test(`plans pages pass axe in ${lang}`, async ({ page }, info) => {
    await rememberLanguage(page, lang);
    await page.goto('/plans');
    await expect(page.locator('.os-plan-card').first()).toBeVisible();
    await expect(page.locator('.os-map .leaflet-container')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `plans-${lang}-${info.project.name}`);

    await page.goto(`/plans/${SURVEY_PLAN}`);
    await expect(page.locator('.os-comment').first()).toBeVisible();
    await expect(page.locator('h1')).not.toHaveText(strings[lang].plans_loading);
    // The form's error state is part of the page too.
    await page.getByRole('button', { name: strings[lang].plans_form_send }).click();
    await page.locator('.os-comment').first().getByRole('button', { name: strings[lang].plans_reply, exact: true }).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `plan-${lang}-${info.project.name}`);
  });
}

test('a plan that does not exist says so, with a way back', async ({ page }) => {
  await rememberLanguage(page, 'en');
  await page.goto('/plans/999999');
  await expect(page.locator('h1')).toHaveText(en.plans_not_available);
  await expect(page.getByRole('alert')).toContainText(en.backend_error_not_found);
  await page.getByRole('link', { name: en.plans_back_to_list }).click();
  await expect(page).toHaveURL(/\/plans$/);
});

test('the link to the comment form keeps the page and what is typed', async ({ page }) => {
  await openPlan(page, OPEN_PLAN);
  const text = unique('Kirjoitettu ennen hyppyä');
  await writeComment(page, text);
  await page.getByRole('link', { name: en.plans_form_heading }).click();
  await expect(page).toHaveURL(/#os-comment-form$/);
  await expect(page.getByLabel(en.plans_form_text)).toHaveValue(text);
  await expect(page.locator('.os-comment').first()).toBeVisible();
});
