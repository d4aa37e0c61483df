/**
 * Videos for Chromium's fake camera: a still image shown for two seconds, letterboxed into
 * 640x480 as a kiosk webcam delivers it. Besides the real photos, it draws barcodes of demo
 * items (Code 128, Code 39, QR) to show a valid code of each format being acted upon.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

export const PHOTOS = join(import.meta.dirname, '../../../../shared/testdata/barcodes');

export function videoOf(image: string, dir: string, name: string): string {
  const video = join(dir, `${name}.y4m`);
  const fit = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p';
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', image, '-vf', fit, '-t', '2', '-r', '15', video]);
  return video;
}

/** Bars and spaces as module widths, starting with a bar, drawn with a quiet zone on a white image. */
function writeBars(widths: number[], path: string, moduleWidth: number): string {
  const quiet = 10;
  const modules = widths.reduce((sum, width) => sum + width, 0) + 2 * quiet;
  const png = new PNG({ width: modules * moduleWidth, height: 160 });
  png.data.fill(255);
  let x = quiet;
  widths.forEach((width, i) => {
    if (i % 2 === 0) {
      for (let px = x * moduleWidth; px < (x + width) * moduleWidth; px += 1) {
        for (let y = 0; y < png.height; y += 1) png.data.fill(0, (y * png.width + px) * 4, (y * png.width + px) * 4 + 3);
      }
    }
    x += width;
  });
  writeFileSync(path, PNG.sync.write(png));
  return path;
}

/** Code 128, code set C (pairs of digits), with its modulo-103 check symbol; the patterns are zxing's own. */
export function code128Image(digits: string, path: string): string {
  // @zxing/library is CommonJS; the table is a private static, stable since zxing's Java original.
  const { Code128Reader } = createRequire(import.meta.url)('@zxing/library') as { Code128Reader: { CODE_PATTERNS: ArrayLike<number>[] } };
  const patterns = Code128Reader.CODE_PATTERNS.map((pattern) => Array.from(pattern));
  const START_C = 105;
  const STOP = 106;
  const values = digits.match(/\d\d/g)!.map(Number);
  const check = values.reduce((sum, value, i) => sum + value * (i + 1), START_C) % 103;
  return writeBars([START_C, ...values, check, STOP].flatMap((value) => patterns[value]!), path, 4);
}

/** Code 39 digits: nine elements each, three of them wide (n narrow, w wide), a narrow gap between characters. */
const CODE39: Record<string, string> = {
  '0': 'nnnwwnwnn', '1': 'wnnwnnnnw', '2': 'nnwwnnnnw', '3': 'wnwwnnnnn', '4': 'nnnwwnnnw',
  '5': 'wnnwwnnnn', '6': 'nnwwwnnnn', '7': 'nnnwnnwnw', '8': 'wnnwnnwnn', '9': 'nnwwnnwnn', '*': 'nwnnwnwnn',
};
export function code39Image(digits: string, path: string): string {
  const widths = [...`*${digits}*`].flatMap((char, i) => [...(i > 0 ? [1] : []), ...[...CODE39[char]!].map((w) => (w === 'w' ? 3 : 1))]);
  return writeBars(widths, path, 3);
}

export async function qrImage(text: string, path: string): Promise<string> {
  await QRCode.toFile(path, text, { width: 360, margin: 4 });
  return path;
}
