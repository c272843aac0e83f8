// The app's whole build configuration: React's plugin, nothing for Gemkit.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()] });
