/** Download links are bearer secrets: logs show `/d/[redacted]/file`, never the token or short code. */
export function redactDownloadUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const redactedPath = path.replace(/^\/d\/code\/[^/]+/, '/d/code/[redacted]').replace(/^\/d\/(?!code\/)[^/]+/, '/d/[redacted]');
  if (query === undefined) return redactedPath;
  return path === '/d' ? `${redactedPath}?[redacted]` : `${redactedPath}?${query}`;
}
