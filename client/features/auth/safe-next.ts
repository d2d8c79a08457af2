/**
 * Where `?next=` may send a user after signing in: a path of this site only, never an open
 * redirect. The browser's own URL parser decides, since it is the one that would follow the
 * link: it reads `/\evil`, `/<tab>/evil` and `\\evil` as `//evil`, another site.
 */
export function toSameSitePath(next: string | undefined, origin: string): string {
  if (!next?.startsWith('/') || next.includes('\\')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? '/' : path;
}
