import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startProduct } from './harness.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    wsEndpoint: string;
    /** The product's database ('' when E2E_BASE_URL is given without E2E_DATABASE_URL). */
    databaseUrl: string;
  }
}

/** One product and one browser for the whole e2e suite. */
export default async function setup(project: TestProject) {
  // E2E_BASE_URL: run against a product that is already running (local debugging)
  const product = process.env.E2E_BASE_URL
    ? { baseURL: process.env.E2E_BASE_URL.replace(/\/$/, ''), databaseUrl: process.env.E2E_DATABASE_URL ?? '', stop: async () => {} }
    : await startProduct({ log: (m) => console.log(m) });
  let browser;
  try {
    browser = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    await product.stop();
    throw e;
  }
  project.provide('baseURL', product.baseURL);
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('databaseUrl', product.databaseUrl);
  return async () => {
    await browser.close().catch(() => {});
    await product.stop();
  };
}
