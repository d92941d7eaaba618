"use client";

import { useEffect } from "react";
import { startSync } from "@/lib/offline/sync-engine";
import { SyncStatusBar } from "./sync-status-bar";

/**
 * Runs on every signed-in screen: installs the service worker (so the app opens without a
 * connection), sends the user's outbox whenever it can, and shows where that stands.
 */
export function OfflineSync({ userId }: { userId: string }) {
  useEffect(() => {
    if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js", { scope: "/" });
    return startSync(userId);
  }, [userId]);
  return <SyncStatusBar />;
}
