import type { APIRequestContext, Page } from '@playwright/test';
import { expect, rememberLanguage } from './fixtures';

// Shared by the specs that run the same build configured (config.json only, prepared by
// fakes/app-dist.mjs) for plans from Kerrokantasi, events from Linked Events and projects from
// the reference server. Kerrokantasi and Linked Events are the fakes in fakes/, answering with
// the recorded real responses; each test checks what the fake received, request by request.

const port = Number(process.env.OSALLISTU_E2E_PORT ?? 4817);
export const APP = `http://127.0.0.1:${port + 3}`;
export const KK = `http://127.0.0.1:${port + 1}`;
export const LE = `http://127.0.0.1:${port + 2}`;

export type Recorded = { method: string; path: string; query: Record<string, string>; authorization: string | null; body: any };

/** Every request the fake at `fake` received so far. */
export async function received(request: APIRequestContext, fake: string): Promise<Recorded[]> {
  const r = await request.get(`${fake}/__requests`);
  expect(r.status()).toBe(200);
  return r.json();
}

/** A text no other test run uses. */
export function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Opens `path` of the fake-backed app in English. */
export async function open(page: Page, path: string) {
  await rememberLanguage(page, 'en');
  await page.goto(`${APP}${path}`);
}
