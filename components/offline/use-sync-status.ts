"use client";

import { useSyncExternalStore } from "react";
import { getServerSyncStatus, getSyncStatus, subscribeSyncStatus } from "@/lib/offline/sync-status";

/** The outbox and connection as every screen shows them, kept current across tabs. */
export function useSyncStatus() {
  return useSyncExternalStore(subscribeSyncStatus, getSyncStatus, getServerSyncStatus);
}
