export const unknownClientAddress = "unknown";

/**
 * The address sign-in throttling charges an attempt to. Trust assumption: in production Atelier
 * runs behind a reverse proxy that sets x-forwarded-for (or x-real-ip) to the address the client
 * connected from, and clients cannot reach the app around it. Without such a proxy a client can
 * write these headers itself and spread its guesses over invented addresses: it then escapes the
 * per-address waits, but still cannot lock anyone else's account and still meets the global
 * ceiling on password checks.
 */
export function clientAddressFrom(headers: Headers): string {
  const firstHop = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim();
  // An address is at most 45 characters (IPv6 with an IPv4 tail); anything longer is not one.
  return firstHop ? firstHop.slice(0, 64) : unknownClientAddress;
}
