import '@gemkit/ui/styles.css';
import './widget.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyThemeChoice, readThemeChoice } from '../app/theme/theme';
import { SamplePage } from './SamplePage';

applyThemeChoice(readThemeChoice());

const root = document.getElementById('root');
if (!root) throw new Error('widget.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SamplePage />
  </StrictMode>,
);
