import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'leaflet/dist/leaflet.css';
import './app/styles.css';
import './app/phone.css';
import { setupI18n } from './shared/i18n/i18n';
import { App } from './app/App';
import { queryClient } from './shared/api/query';
import { loadConfig } from './shared/api/config';
import { startFirstRequests } from './app/boot';

// The configuration says whether demo data is served: knowing it before the first render lets the
// map page show its demo banner at once instead of pushing the map down later (layout shift).
// A slow answer does not hold the page back for more than a moment. The UI language's texts load
// meanwhile.
// Both are asked before the data the first page needs (app/boot.ts), which the render does not wait for.
const texts = setupI18n();
const config = Promise.race([loadConfig(), new Promise((resolve) => setTimeout(resolve, 800))]);
startFirstRequests();
await Promise.all([texts, config]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
