import { sql } from "drizzle-orm";
import { z } from "zod";
import { attendance, certificates } from "@/db/schema";
import { attendanceFilters, checkAttendanceFilters, filterClauses, personGroupKeys } from "./attendance-scope";
import type { Calculation } from "./calculation";
import { countPeople } from "./unique-participants";

const params = z.object({ kind: z.literal("people_certified"), ...attendanceFilters });

/**
 * People certified: unique people holding a certificate of attendance, not revoked, from a
 * workshop they attended within the window; counted and grouped as unique participants are.
 */
export const peopleCertified: Calculation<typeof params> = {
  kind: "people_certified",
  params,
  unitOf: () => "number",
  disaggregations: personGroupKeys,
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, p),
  compute: (ctx, projectId, p, window) =>
    countPeople(
      ctx,
      projectId,
      p,
      window,
      1,
      sql`exists (select 1 from ${certificates} where ${certificates.workshopId} = ${attendance.workshopId} and ${certificates.participantId} = ${attendance.participantId} and ${certificates.revokedAt} is null)`,
    ),
  words: (p, names) => ({ key: "people_certified", values: {}, filters: filterClauses(p, names) }),
};
