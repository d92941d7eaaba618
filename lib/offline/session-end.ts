import { wipeDevice } from "./device-db";
import { forgetPages } from "./page-cache";

const listeners = new Set<() => void>();

export function onSessionEnd(listener: () => void): void {
  listeners.add(listener);
}

/**
 * The server answered 401: the session is over (expired, signed out elsewhere, new password,
 * account deactivated), so nothing of the user's may stay readable on the device.
 */
export async function endSession(): Promise<void> {
  await Promise.all([wipeDevice(), forgetPages()]);
  for (const listener of listeners) listener();
}

/** A fetch that wipes the device when the server says the session is over. */
export async function fetchInSession(input: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.status === 401) await endSession();
  return response;
}
