import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript, CSS and HTML file under `dir`, recursively. */
export const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(tsx?|css|html)$/.test(entry.name) ? [path] : [];
  });
