/**
 * Writes must come from this site's own pages: the Origin header has to be present and name the
 * host the request was sent to. Browsers send Origin on every POST, so only forged or foreign
 * requests lack it.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
