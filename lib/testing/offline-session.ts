import { createHmac } from "node:crypto";
import { vi } from "vitest";

let signedIn: string | null = null;
let sessionVersion = 1;

/**
 * For device tests: the browser's session as the server would answer `GET /api/v1/account/offline-key`
 * (the secret of the signed-in user's sessions, 401 without one); any other request fails like a
 * lost connection. Call with null for a browser where no one is signed in, or offline.
 */
export function signInAs(userId: string | null): void {
  signedIn = userId;
  vi.stubGlobal("fetch", async (url: string) => {
    if (url !== "/api/v1/account/offline-key") throw new TypeError("Failed to fetch");
    if (!signedIn) return Response.json({ error: "unauthenticated" }, { status: 401 });
    const key = createHmac("sha256", "test-secret").update(`${signedIn}:${sessionVersion}`).digest("base64url");
    return Response.json({ userId: signedIn, key });
  });
}

/** No connection: nothing answers. */
export function goOffline(): void {
  vi.stubGlobal("fetch", async () => {
    throw new TypeError("Failed to fetch");
  });
}

/** The user's sessions were revoked (sign-out elsewhere, new password) and they signed in again. */
export function revokeSessions(): void {
  sessionVersion += 1;
}
