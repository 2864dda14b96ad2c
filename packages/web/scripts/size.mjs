#!/usr/bin/env node
// Prints the initial JavaScript of the built app (the entry module and the modules it preloads,
// as index.html references them), gzipped, and fails when it exceeds the budget.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexHtml = join(dist, 'index.html');
if (!existsSync(indexHtml)) {
  console.error(`No build found at ${dist}: run "npm run build -w @civimap/web" first.`);
  process.exit(2);
}
const html = readFileSync(indexHtml, 'utf8');
const srcs = new Set();
for (const m of html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) srcs.add(m[1]);
for (const m of html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) srcs.add(m[1]);
if (srcs.size === 0) {
  console.error('index.html references no module script');
  process.exit(2);
}
let raw = 0;
let gz = 0;
const rows = [];
for (const src of srcs) {
  const file = join(dist, src.replace(/^\//, ''));
  const buf = readFileSync(file);
  const g = gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += g;
  rows.push(`  ${src}  ${(buf.length / 1024).toFixed(1)} KB raw, ${(g / 1024).toFixed(1)} KB gzipped`);
}
console.log(rows.join('\n'));
const kb = gz / 1024;
console.log(`Initial JS: ${kb.toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB raw), budget ${BUDGET_KB} KB`);
if (kb > BUDGET_KB) {
  console.error(`Over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
