// Where local state lives (keys, SQLite files): ACCORD_DATA_DIR, or `.data` at the repository
// root. The root is found from this file's location so that every script agrees, whatever the cwd.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const DATA_DIR = process.env.ACCORD_DATA_DIR ? resolve(process.env.ACCORD_DATA_DIR) : resolve(REPO_ROOT, '.data');
