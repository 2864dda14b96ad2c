#!/usr/bin/env node
// Takes docs/map.png: the map with demo data, from the built product started as the e2e tests
// start it (fresh database, demo seed, tiles off). Needs packages/web/dist and packages/api/dist.
// The shipped boundaries (country outline, 38 municipalities) are imported on first start.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT, startProduct } from '../e2e/harness.mjs';

const out = process.argv[2] ?? join(REPO_ROOT, 'docs', 'map.png');
const lang = process.env.SCREENSHOT_LANG || 'en';

const product = await startProduct({ log: (m) => console.log(m) });
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  await context.addInitScript((l) => localStorage.setItem('civimap.lang', l), lang);
  await context.route('**/*', (route) => (route.request().url().startsWith(product.baseURL) ? route.continue() : route.abort()));
  const page = await context.newPage();
  await page.goto(product.baseURL + '/');
  await page.waitForSelector('.leaflet-marker-pane .cm-cluster, .leaflet-marker-pane .cm-point', { timeout: 30_000 });
  await page.waitForSelector('.result-list a.result-link', { timeout: 30_000 });
  // let the municipality layer and the list finish drawing
  await page.waitForFunction(() => document.querySelectorAll('.leaflet-municipalities-pane path').length >= 38, undefined, { timeout: 30_000 });
  mkdirSync(join(out, '..'), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} finally {
  await browser?.close();
  await product.stop();
}
