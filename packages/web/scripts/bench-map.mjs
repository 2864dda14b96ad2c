#!/usr/bin/env node
// Benchmark (not a test): the map with many sites in headless Chromium. Starts the built product
// with DEMO_ORGANIZATIONS demo organizations (default 10,000: about 20k sites), then reports the
// time from navigation to the first clustered markers and the main thread's long tasks (> 50 ms)
// during load and during pans and zooms. Needs packages/web/dist and packages/api/dist.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startProduct } from '../e2e/harness.mjs';

const organizations = process.env.DEMO_ORGANIZATIONS || '10000';
const product = await startProduct({ log: (m) => console.log(m), env: { DEMO_ORGANIZATIONS: organizations } });
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await page.goto(product.baseURL + '/', { waitUntil: 'commit' });
    await page.waitForSelector('.leaflet-marker-pane .cm-cluster', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="site-count"]')?.getAttribute('data-count'));
    runs.push(Math.round(performance.now() - t0));
  }
  const sites = await page.getAttribute('[data-testid="site-count"]', 'data-count');
  const loadLong = await page.evaluate(() => window.__long.splice(0));
  const box = await page.locator('.map').boundingBox();
  for (let i = 0; i < 8; i++) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + (i % 2 ? 150 : -150), box.y + box.height / 2 + 60, { steps: 15 });
    await page.mouse.up();
    if (i === 3) await page.mouse.wheel(0, -400);
    await page.waitForTimeout(150);
  }
  const panLong = await page.evaluate(() => window.__long.splice(0));
  console.log(`sites on the map: ${sites}`);
  console.log(`navigation to clustered markers: ${runs.join(', ')} ms (median ${runs.sort((a, b) => a - b)[1]} ms)`);
  console.log(`long tasks during the last load: ${loadLong.length ? loadLong.join(', ') + ' ms' : 'none'}`);
  console.log(`long tasks during 8 pans and a zoom: ${panLong.length ? panLong.join(', ') + ' ms' : 'none'}`);
} finally {
  await browser?.close();
  await product.stop();
}
