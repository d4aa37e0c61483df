#!/usr/bin/env node
/**
 * Writes the installed apps' icons into public/icons/ (SVG, and PNG for launchers that want pixels):
 * an open book, white on the kiosk's blue (also public/favicon.svg) or on green for the admin panel.
 * The book sits inside the maskable safe zone (a circle of 40% of the size), so the square
 * "maskable" variants are the same drawing without rounded corners.
 *
 *   node scripts/generate-pwa-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const BOOK = 'M12 19c6-2 13-2 18 2v27c-5-3-12-3-18-1zM52 19c-6-2-13-2-18 2v27c5-3 12-3 18-1z';
const APPS = { kiosk: '#0b4f9c', admin: '#1b5e20' };
const dir = join(new URL('..', import.meta.url).pathname, 'public/icons');

const svg = (background, rounded) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64"${rounded ? ' rx="12"' : ''} fill="${background}"/><path d="${BOOK}" fill="#fff"/></svg>\n`;
const png = (source, size, file) => sharp(Buffer.from(source), { density: (72 * size) / 64 }).resize(size, size).png().toFile(join(dir, file));

mkdirSync(dir, { recursive: true });
for (const [app, background] of Object.entries(APPS)) {
  writeFileSync(join(dir, `${app}.svg`), svg(background, true));
  if (app === 'kiosk') writeFileSync(join(dir, '../favicon.svg'), svg(background, true));
  await png(svg(background, true), 192, `${app}-192.png`);
  await png(svg(background, true), 512, `${app}-512.png`);
  await png(svg(background, false), 512, `${app}-maskable-512.png`);
}
console.log(`icons written to ${dir}`);
