/// <reference lib="webworker" />
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import type { SerwistPlugin } from "serwist";
import { CacheableResponsePlugin, NetworkFirst, NetworkOnly, Serwist } from "serwist";
import { deviceDbName } from "@/lib/offline/device-db";
import { checkInPagesCache, isCheckInPage } from "@/lib/offline/page-cache";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/**
 * A page that sends the browser to sign-in says the session is over (expired, revoked by a new
 * password or a deactivation): what the user kept on the device goes with it. Pages still holding
 * the database open close it when asked, so the deletion goes through.
 */
const wipeWhenSessionEnds: SerwistPlugin = {
  async fetchDidSucceed({ response, event }) {
    if (response.redirected && new URL(response.url).pathname === "/sign-in") {
      // Not awaited by the page: the sign-in page opens no database, and a tab slow to close its
      // own must not hold the navigation.
      indexedDB.deleteDatabase(deviceDbName);
      event.waitUntil(caches.delete(checkInPagesCache));
    }
    return response;
  },
};

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
