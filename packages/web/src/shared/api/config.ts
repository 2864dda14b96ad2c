// The product's runtime configuration (/config.json, served by the API): map tiles (empty when
// they are off) and whether demo data is served. Asked once per page load.
import { useEffect, useState } from 'react';

export interface RuntimeConfig {
  tileUrl: string;
  tileAttribution: string;
  demoData: boolean;
}

const offline: RuntimeConfig = { tileUrl: '', tileAttribution: '', demoData: false };
let configPromise: Promise<RuntimeConfig> | null = null;
/** The configuration once it arrived: main.tsx waits for it (briefly) before the first render, so pages lay out once. */
let loaded: RuntimeConfig | null = null;

export function loadConfig(): Promise<RuntimeConfig> {
  configPromise ??= fetch('/config.json', { headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : offline))
    .then((c: Partial<RuntimeConfig>) => ({
      tileUrl: typeof c.tileUrl === 'string' ? c.tileUrl : '',
      tileAttribution: typeof c.tileAttribution === 'string' ? c.tileAttribution : '',
      demoData: c.demoData === true,
    }))
    .catch(() => offline)
    .then((c) => (loaded = c));
  return configPromise;
}

export function useConfig(): RuntimeConfig | null {
  const [config, setConfig] = useState<RuntimeConfig | null>(() => loaded);
  useEffect(() => {
    let live = true;
    void loadConfig().then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, []);
  return config;
}
