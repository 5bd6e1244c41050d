import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '@/lib/i18n';
import '@/styles/global.css';
import { App } from '@/app/app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');

// The active language's messages are fetched first, so no screen ever shows raw message keys.
void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
