import type { Db } from "@/db/client";
import { errorCode } from "@/lib/access-recording";
import { dailyRunHourUtc, runRetention } from "./run";

const hourMs = 60 * 60 * 1000;

/**
 * Checks every hour (the first time an hour after start) whether today's retention run is due
 * (from dailyRunHourUtc, UTC) and runs it. runRetention itself makes sure only one instance runs
 * it per day, so a restart or a second instance never runs it twice.
 */
export function startDailyRetention(getDb: () => Db): void {
  const tick = async () => {
    const now = new Date();
    if (now.getUTCHours() < dailyRunHourUtc) return;
    try {
      const outcome = await runRetention(getDb(), { now, actorId: null });
      if (!outcome.skipped) console.log(`retention: daily run anonymised ${outcome.people} people in ${outcome.byProject.length} projects`);
    } catch (error) {
      console.error(`retention: daily run failed (${errorCode(error)})`);
    }
  };
  setInterval(() => void tick(), hourMs).unref();
}
