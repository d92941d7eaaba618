/**
 * Where to go after sign-in: the callback URL as a path on this site, or `fallback`. The URL is
 * resolved the way a browser would (a backslash counts as a slash, tabs and newlines vanish), so
 * `/\evil.example` or `/<tab>/evil.example`, which a browser reads as another site, are caught
 * by comparing origins rather than by looking at the text.
 */
export function safeCallbackPath(value: unknown, siteOrigin: string, fallback = "/projects"): string {
  if (typeof value !== "string" || value === "") return fallback;
  let url: URL;
  let site: URL;
  try {
    site = new URL(siteOrigin);
    url = new URL(value, site);
  } catch {
    return fallback;
  }
  if (url.origin !== site.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path starting with two slashes would be read as another host once sent as a redirect.
  return path.startsWith("//") ? fallback : path;
}
