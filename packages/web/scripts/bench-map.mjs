#!/usr/bin/env node
// Benchmark (not a test): the map with many sites in headless Chromium. Starts the built product
// with DEMO_ORGANIZATIONS demo organizations (default 10,000: about 20k sites; the first start
// generates them), then for RUNS cold loads (a fresh browser context each: nothing cached) reports
// the bytes the page moved until its markers were drawn (as transferred, compressed; the map
// points' request apart), the time from navigation to the first marker,
// and the main thread's long tasks (> 50 ms) during load and during pans and zooms, its busy time
// (CPU) until the first marker, and the requests on the way there. CPU_THROTTLE=4 slows the page's
// CPU fourfold (Chromium's emulation; default off).
// Needs packages/web/dist and packages/api/dist. BENCH_URL measures a product that is already running
// (e.g. one started once with DEMO_ORGANIZATIONS=10000 on its own database) instead of starting one.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startProduct } from '../e2e/harness.mjs';

const organizations = process.env.DEMO_ORGANIZATIONS || '10000';
const runs = Number(process.env.RUNS || 3);
const product = process.env.BENCH_URL
  ? { baseURL: process.env.BENCH_URL.replace(/\/$/, ''), stop: async () => {} }
  : await startProduct({ log: (m) => console.log(m), env: { DEMO_ORGANIZATIONS: organizations } });
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const throttle = Number(process.env.CPU_THROTTLE || 1);

async function coldLoad(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(() => {
    // the moment (ms from navigation start) the first cluster or site marker is in the page
    new MutationObserver((_, observer) => {
      if (!document.querySelector('.leaflet-marker-pane .cm-cluster, .leaflet-marker-pane .cm-point')) return;
      window.__firstMarker = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    window.__long = [];
    window.__shift = { total: 0, sources: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shift.total += e.value;
        for (const s of e.sources ?? []) window.__shift.sources.push(`${s.node?.className || s.node?.nodeName || '?'} ${e.value.toFixed(3)}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // Playwright reports the worker's requests too; sizes are as transferred (compressed)
  const bytes = { total: 0, points: 0, parts: [] };
  const sizes = [];
  const requests = [];
  page.on('requestfinished', (request) => {
    const op = /query\s+(\w+)/.exec(request.postData() ?? '')?.[1];
    const label = op ? `${new URL(request.url()).pathname} ${op}` : new URL(request.url()).pathname;
    const timing = request.timing();
    requests.push({ label, start: timing.startTime, end: timing.startTime + timing.responseEnd });
    sizes.push(
      request.sizes().then((sz) => {
        const n = sz.responseBodySize + sz.responseHeadersSize;
        bytes.total += n;
        if (/mapPointSet|mapPoints/.test(request.postData() ?? '')) bytes.points += n;
        bytes.parts.push([label, n]);
      }),
    );
  });
  const t0 = Date.now();
  await page.goto(product.baseURL + '/', { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstMarker !== undefined, null, { timeout: 60_000, polling: 50 });
  // CPU the page's main thread spent until then (Chromium's TaskDuration: scripts, style, layout, paint)
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const navStart = await page.evaluate(() => performance.timeOrigin);
  const firstMarker = Math.round(await page.evaluate(() => window.__firstMarker));
  const cpu = { task: Math.round(metrics.TaskDuration * 1000), script: Math.round(metrics.ScriptDuration * 1000) };
  await page.waitForFunction(() => document.querySelector('[data-testid="site-count"]')?.getAttribute('data-count'));
  await page.waitForLoadState('networkidle');
  await Promise.all(sizes);
  const sites = await page.getAttribute('[data-testid="site-count"]', 'data-count');
  const loadLong = await page.evaluate(() => window.__long.splice(0));
  const shift = await page.evaluate(() => window.__shift);
  const path = requests
    .filter((r) => r.start - navStart < firstMarker)
    .sort((a, b) => a.start - b.start)
    .map((r) => `${r.label.replace(/-[\w-]{8}\.(js|css)$/, '.$1')} ${Math.round(r.start - navStart)}-${Math.round(r.end - navStart)}`);
  return { context, page, firstMarker, cpu, path, bytes: { ...bytes }, sites, loadLong, shift, wall: Date.now() - t0 };
}

let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await coldLoad(browser);
    results.push(r);
    if (i < runs - 1) await r.context.close();
  }
  const last = results[results.length - 1];
  const { page } = last;
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
  console.log(`sites on the map: ${last.sites}`);
  console.log(`initial load (cold, until the markers are drawn and the network is idle): ${results.map((r) => kib(r.bytes.total)).join(', ')} (median ${kib(median(results.map((r) => r.bytes.total)))})`);
  console.log(`  largest (last load): ${last.bytes.parts.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PARTS || 8)).map(([u, n]) => `${u} ${kib(n)}`).join('; ')}`);
  console.log(`  of which the map points: ${results.map((r) => kib(r.bytes.points)).join(', ')}`);
  const load = (await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`load average (1/5/15 min) at the end: ${load}; CPU throttling: ${throttle > 1 ? `${throttle}x` : 'off'}`);
  console.log(`navigation to the first marker (cold): ${results.map((r) => r.firstMarker).join(', ')} ms (median ${median(results.map((r) => r.firstMarker))} ms)`);
  console.log(`  main-thread busy until then (CPU): ${results.map((r) => `${r.cpu.task} ms (script ${r.cpu.script})`).join(', ')}`);
  console.log(`  requests before it (last load, ms from navigation): ${last.path.join('; ')}`);
  console.log(`long tasks during the loads: ${results.map((r) => (r.loadLong.length ? r.loadLong.join('+') : 'none')).join(' | ')} ms`);
  console.log(`layout shift during the loads (CLS): ${results.map((r) => r.shift.total.toFixed(3)).join(', ')}${last.shift.sources.length ? ` (last load: ${last.shift.sources.slice(0, 6).join('; ')})` : ''}`);
  console.log(`long tasks during 8 pans and a zoom: ${panLong.length ? panLong.join(', ') + ' ms' : 'none'}`);
  await last.context.close();
} finally {
  await browser?.close();
  await product.stop();
}
