// Builds public/sw.js after `next build` (`serwist build`): the app shell and the check-in pages
// for offline use. See app/sw.ts.
import { serwist } from "@serwist/next/config";

export default await serwist({
  swSrc: "app/sw.ts",
  swDest: "public/sw.js",
  // The offline page is rendered per request (its language follows the cookie), so it is listed by hand.
  additionalPrecacheEntries: [{ url: "/~offline", revision: String(Date.now()) }],
});
