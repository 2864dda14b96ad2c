// The web app's files and pages as the API serves them (issue 13): robots.txt and the favicon are
// real files, the route table's pages get index.html, and any other path answers 404.
import express from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { acceptsCoding } from '../../src/app/http/precompressed';
import { matchesPagePattern, pageMatcher, serveWebApp } from '../../src/app/http/web-app';

const INDEX = '<!doctype html><title>civimap</title><div id="root"></div>';
const MAP_JS = 'export const sites = [' + Array.from({ length: 400 }, (_, i) => i % 17).join(',') + '];\n';
const STYLE = '.map { height: 100%; }\n'.repeat(80);
let dir: string;
let server: Server;
let base: string;

function writeDist(root: string, patterns: string[] | null) {
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), INDEX);
  fs.writeFileSync(path.join(root, 'robots.txt'), 'User-agent: *\nDisallow: /graphql\n');
  fs.writeFileSync(path.join(root, 'favicon.ico'), Buffer.from([0, 0, 1, 0, 1, 0]));
  fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  // the web build's precompressed copies (scripts/precompress.ts); the .css has a gzip copy only
  fs.writeFileSync(path.join(root, 'assets', 'map-def456.js'), MAP_JS);
  fs.writeFileSync(path.join(root, 'assets', 'map-def456.js.br'), brotliCompressSync(MAP_JS));
  fs.writeFileSync(path.join(root, 'assets', 'map-def456.js.gz'), gzipSync(MAP_JS));
  fs.writeFileSync(path.join(root, 'assets', 'style-1.css'), STYLE);
  fs.writeFileSync(path.join(root, 'assets', 'style-1.css.gz'), gzipSync(STYLE));
  if (patterns) fs.writeFileSync(path.join(root, 'routes.json'), JSON.stringify({ patterns }));
}

async function listen(root: string): Promise<{ server: Server; base: string }> {
  const app = express();
  serveWebApp(app, root, pino({ level: 'silent' }));
  const s = await new Promise<Server>((resolve) => {
    const srv = app.listen(0, '127.0.0.1', () => resolve(srv));
  });
  return { server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-web-'));
  writeDist(dir, ['/', '/org/:id', '/org/:id/edit', '/coverage', '/import']);
  ({ server, base } = await listen(dir));
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the web app’s files', () => {
  it('serves robots.txt and the favicon as themselves', async () => {
    const robots = await fetch(`${base}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await robots.text()).toContain('User-agent: *');
    const icon = await fetch(`${base}/favicon.ico`, { headers: html });
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/icon/);
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers 404 for files that do not exist, even to a browser', async () => {
    for (const p of ['/foo.txt', '/assets/missing.js', '/favicon.png', '/wp-login.php', '/org/x/photo.jpg']) {
      const res = await fetch(`${base}${p}`, { headers: html });
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).not.toContain('<div id="root">');
    }
  });
});

describe('the precompressed copies of the build', () => {
  const get = (p: string, encoding: string) => fetch(`${base}${p}`, { headers: { 'accept-encoding': encoding } });

  it('are sent to a browser that accepts them, brotli first, with the file’s own type and caching', async () => {
    const br = await get('/assets/map-def456.js', 'gzip, deflate, br, zstd');
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await br.text()).toBe(MAP_JS);
    const gz = await get('/assets/map-def456.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(MAP_JS);
    const css = await get('/assets/style-1.css', 'br, gzip');
    expect(css.headers.get('content-encoding')).toBe('gzip');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toBe(STYLE);
  });

  it('are not sent to a client that refuses them, nor for files without a copy', async () => {
    const plain = await get('/assets/map-def456.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(MAP_JS);
    const refused = await get('/assets/map-def456.js', 'br;q=0, gzip;q=0');
    expect(refused.headers.get('content-encoding')).toBeNull();
    const other = await get('/assets/index-abc123.js', 'br');
    expect(other.headers.get('content-encoding')).toBeNull();
    expect(await other.text()).toBe('console.log(1)');
  });

  it('read Accept-Encoding with its weights and its "*"', () => {
    expect(acceptsCoding('gzip, deflate, br', 'br')).toBe(true);
    expect(acceptsCoding('gzip;q=1.0, br;q=0', 'br')).toBe(false);
    expect(acceptsCoding('*', 'gzip')).toBe(true);
    expect(acceptsCoding('*;q=0', 'br')).toBe(false);
    expect(acceptsCoding('identity', 'gzip')).toBe(false);
    expect(acceptsCoding(undefined, 'br')).toBe(false);
  });
});

describe('the app’s pages', () => {
  it('serve index.html for every pattern of the route table', async () => {
    for (const p of ['/', '/index.html', '/org/123', '/org/123/', '/org/a%20b/edit', '/coverage', '/coverage?cat=x', '/import']) {
      const res = await fetch(`${base}${p}`, { headers: html });
      expect(res.status, p).toBe(200);
      expect(res.headers.get('cache-control'), p).toBe('no-cache');
      expect(await res.text(), p).toBe(INDEX);
    }
  });

  it('answer 404 for paths that are no page, with the app (its own "not found") to a browser only', async () => {
    const browser = await fetch(`${base}/no-such-page`, { headers: html });
    expect(browser.status).toBe(404);
    expect(await browser.text()).toBe(INDEX);
    const client = await fetch(`${base}/org/1/2/3`, { headers: { accept: 'application/json' } });
    expect(client.status).toBe(404);
    expect(await client.text()).toBe('Not found\n');
    const post = await fetch(`${base}/coverage`, { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('fall back to "every path without an extension" for a build without routes.json', async () => {
    const old = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-web-old-'));
    writeDist(old, null);
    const s = await listen(old);
    try {
      expect((await fetch(`${s.base}/anything`, { headers: html })).status).toBe(200);
      expect((await fetch(`${s.base}/foo.txt`, { headers: html })).status).toBe(404);
    } finally {
      await new Promise((r) => s.server.close(r));
      fs.rmSync(old, { recursive: true, force: true });
    }
  });
});

describe('page patterns', () => {
  it('match literal segments and one non-empty segment per parameter', () => {
    expect(matchesPagePattern('/org/:id', '/org/abc')).toBe(true);
    expect(matchesPagePattern('/org/:id', '/org/')).toBe(false);
    expect(matchesPagePattern('/org/:id', '/org/a/b')).toBe(false);
    expect(matchesPagePattern('/', '/')).toBe(true);
    expect(matchesPagePattern('/me', '/me/')).toBe(true);
    const isPage = pageMatcher(['/me']);
    expect(isPage('/index.html')).toBe(true);
    expect(isPage('/you')).toBe(false);
  });
});
