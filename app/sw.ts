/// <reference lib="webworker" />
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { CacheableResponsePlugin, NetworkFirst, NetworkOnly, Serwist } from "serwist";
import { checkInPagesCache, isCheckInPage } from "@/lib/offline/page-cache";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

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
          new CacheableResponsePlugin({ statuses: [200] }),
          // A redirect to sign-in must never be stored as the page.
          { cacheWillUpdate: async ({ response }) => (response.redirected ? null : response) },
        ],
      }),
    },
    { matcher: ({ request }) => request.mode === "navigate", handler: new NetworkOnly() },
  ],
  fallbacks: { entries: [{ url: "/~offline", matcher: ({ request }) => request.destination === "document" }] },
});

serwist.addEventListeners();
