import type { DeviceDb, Sealed } from "./device-db";

/**
 * The user's AES-GCM key on this device, made on first use. It is created non-extractable, so
 * even script running in the page cannot export it; what it seals is unreadable elsewhere.
 */
export async function deviceKey(db: DeviceDb, userId: string): Promise<CryptoKey> {
  const stored = await db.get("keys", userId);
  if (stored) return stored.key;
  const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  // Added, never overwritten: when two first uses race, the first key stays and both use it.
  await db.add("keys", { userId, key }).catch(() => undefined);
  return (await db.get("keys", userId))!.key;
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { iv, data };
}

export async function unseal<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}
