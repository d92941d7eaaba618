/** Where the service worker keeps the check-in pages prepared for offline use. */
export const checkInPagesCache = "check-in-pages";

export const isCheckInPage = (pathname: string) => /^\/projects\/[^/]+\/workshops\/[^/]+\/check-in$/.test(pathname);

/** Stores a check-in page for offline use now, rather than waiting for the next visit. */
export async function keepPageOffline(path: string): Promise<void> {
  if (typeof caches === "undefined") return;
  const response = await fetch(path, { credentials: "same-origin" });
  if (response.ok && !response.redirected) await (await caches.open(checkInPagesCache)).put(path, response);
}

/** Removes every stored page (at sign-out, when the session ends): the header in them names the user. */
export async function forgetPages(): Promise<void> {
  if (typeof caches !== "undefined") await caches.delete(checkInPagesCache);
}
