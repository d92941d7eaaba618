/// <reference lib="webworker" />
import type { PrecacheEntry, SerwistGlobalConfig, SerwistPlugin } from "serwist";
import { CacheableResponsePlugin, NetworkFirst, NetworkOnly, Serwist } from "serwist";
import type { getOfflineKey } from "@/lib/account/use-cases";
import { apiFetch } from "@/lib/http/api-fetch";
import { deviceDbName } from "@/lib/offline/device-db";
import { checkInPagesCache, isCheckInPage } from "@/lib/offline/page-cache";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/**
 * A page that redirects may be the server sending the browser to sign-in: the session is over
 * (expired, revoked by a new password or a deactivation). A navigation's redirect is opaque here,
 * so the server is asked whether the session stands; on its 401, what the user kept on the device
 * goes. Pages still holding the database open close it when asked, so the deletion goes through.
 */
const wipeWhenSessionEnds: SerwistPlugin = {
  async fetchDidSucceed({ response, event }) {
    if (response.type === "opaqueredirect" || response.redirected) event.waitUntil(wipeUnlessSignedIn());
    return response;
  },
};

async function wipeUnlessSignedIn(): Promise<void> {
  const answer = await apiFetch<typeof getOfflineKey>("GET /account/offline-key", { init: { cache: "no-store" } }).catch(() => null);
  if (answer?.status !== 401) return;
  indexedDB.deleteDatabase(deviceDbName);
  await caches.delete(checkInPagesCache);
}

// Only the check-in pages are kept for offline use: their HTML holds no one's personal data (the
// roster lives encrypted in IndexedDB). Every other page and every API call goes to the network,
// so nothing personal lands in the cache unencrypted.
const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && isCheckInPage(url.pathname),
      handler: new NetworkFirst({
        cacheName: checkInPagesCache,
        networkTimeoutSeconds: 4,
        // The chosen day is in the query string; offline, any day's copy of the page will do.
        matchOptions: { ignoreSearch: true },
        plugins: [
          wipeWhenSessionEnds,
          new CacheableResponsePlugin({ statuses: [200] }),
          // A redirect to sign-in must never be stored as the page.
          { cacheWillUpdate: async ({ response }) => (response.redirected ? null : response) },
        ],
      }),
    },
    { matcher: ({ request }) => request.mode === "navigate", handler: new NetworkOnly({ plugins: [wipeWhenSessionEnds] }) },
  ],
  fallbacks: { entries: [{ url: "/~offline", matcher: ({ request }) => request.destination === "document" }] },
});

serwist.addEventListeners();
