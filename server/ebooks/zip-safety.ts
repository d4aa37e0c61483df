/** Checks on a ZIP's directory that run before anything is inflated. */
import type { ZipEntry } from './zip-archive';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressedBytes: number;
  /** Entries at least this big may not inflate more than `maxRatio` times their stored size. */
  ratioCheckFromBytes: number;
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 1024 ** 3,
  // Small files (a mimetype, short XHTML) legitimately compress well; only big ones are suspicious.
  ratioCheckFromBytes: 1024 ** 2,
  maxRatio: 100,
};

/**
 * An entry name that could escape the folder it is extracted into, on any system: parent
 * segments, absolute or drive-letter paths, backslashes (a separator on Windows) and NULs.
 */
export function isUnsafeEntryName(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\0') || name.startsWith('/')) return true;
  if (/^[A-Za-z]:/.test(name)) return true;
  return name.split('/').some((segment) => segment === '..');
}

export function looksLikeZipBomb(entryCount: number, entries: ZipEntry[], limits: ZipLimits): boolean {
  if (entryCount > limits.maxEntries) return true;
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressedBytes) return true;
    const big = entry.uncompressedSize >= limits.ratioCheckFromBytes;
    if (big && entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) return true;
  }
  return false;
}
