import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const demoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const clientDir = join(demoRoot, 'dist/client');
export const serverDir = join(demoRoot, 'dist/server');
