/** The kiosk's first load: every script the built kiosk page loads before it can run, gzipped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.env.APPS_DIR ?? 'dist/apps';
const html = readFileSync(join(dist, 'kiosk/index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map((m) => m[1]!);

const gzipped = (path: string) => gzipSync(readFileSync(join(dist, path.replace(/^\//, '')))).length;
const jsBytes = scripts.reduce((sum, path) => sum + gzipped(path), 0);
const cssBytes = styles.reduce((sum, path) => sum + gzipped(path), 0);

console.log(`kiosk first load: ${(jsBytes / 1024).toFixed(1)} KB JS gzipped (${scripts.length} files), ${(cssBytes / 1024).toFixed(1)} KB CSS gzipped; budget 80 KB JS`);
if (jsBytes > 80 * 1024) process.exitCode = 1;
