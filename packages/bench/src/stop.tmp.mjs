import { openDataSet } from './datasets.mjs';
import { startApi } from './processes.mjs';
import { send } from './measure.mjs';
import { civimapScenarios } from './scenarios.mjs';
const ds = await openDataSet({ size: 10000, seed: 20241, port: 55450, log: () => {} });
const api = await startApi(ds.url, { port: 4850, env: { LOG_LEVEL: 'info', ...(process.env.OFF ? { RESPONSE_CACHE_MB: '0' } : {}) } });
for (let i = 0; i < 3; i++) await send(api.origin, civimapScenarios[0].request);
const t = Date.now(); await api.stop(); console.log('stop ms', Date.now() - t); console.log(api.output().slice(-1500));
await ds.stop();
