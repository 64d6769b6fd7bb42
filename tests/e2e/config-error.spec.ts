import { test, expect, strings, rememberLanguage, axeViolations, screenshot } from './fixtures';
import * as fs from 'fs';
import * as path from 'path';

const good = fs.readFileSync(path.resolve(__dirname, '../../public/config.json'), 'utf8');

test('a broken config.json shows a translated error naming the field', async ({ page }, info) => {
  await rememberLanguage(page, 'en');
  const broken = JSON.parse(good);
  delete broken.backends.events;
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }),
  );
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText(strings.en.config_error_title);
  await expect(page.getByRole('alert')).toHaveText(
    strings.en.config_error_missing.replace('{field}', 'backends.events'),
  );
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `${info.project.name}-config-error`);
});

test('a missing config.json says the settings could not be loaded', async ({ page }) => {
  await rememberLanguage(page, 'fi');
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toHaveText(strings.fi.config_error_unreachable);
});
