"use client";

import { useEffect } from "react";
import { afterLoadWhenIdle } from "@/lib/offline/idle";
import { startSync } from "@/lib/offline/sync-engine";
import { SyncStatusBar } from "./sync-status-bar";

/**
 * Runs on every signed-in screen: installs the service worker (so the app opens without a
 * connection), sends the user's outbox whenever it can, and shows where that stands to those who
 * record attendance (nobody else has an outbox, so the line would mean nothing to them).
 */
export function OfflineSync({ userId, showsStatus }: { userId: string; showsStatus: boolean }) {
  // Started once the page has loaded and the phone is idle: the service worker's install downloads
  // every app file, and reading the outbox unseals it; neither should hold up the first screen.
  useEffect(() => {
    let stop: (() => void) | undefined;
    const start = () => {
      if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) void navigator.serviceWorker.register("/sw.js", { scope: "/" });
      stop = startSync(userId);
    };
    const cancel = afterLoadWhenIdle(start);
    return () => {
      cancel();
      stop?.();
    };
  }, [userId]);
  return showsStatus ? <SyncStatusBar /> : null;
}
