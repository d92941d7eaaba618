import { sql } from "drizzle-orm";
import { executeRows } from "@/db/client";
import { projectIdInput } from "@/lib/projects/schemas";
import { defineUseCase } from "@/lib/use-case";

export type AttendanceTotals = {
  workshopsHeld: number;
  attendances: number;
  participants: number;
  women: number;
  men: number;
  institutions: number;
};

/**
 * A project's attendance at a glance, each person once. It reads the per-project tally of people
 * the database keeps (attendance_project_people), not every attendance record.
 */
export const getProjectAttendanceTotals = defineUseCase({
  name: "attendance.projectTotals",
  access: { kind: "project", roles: ["manager", "field", "partner"] },
  input: projectIdInput,
  write: false,
  async run(ctx, input): Promise<AttendanceTotals> {
    const [row] = await executeRows<Record<keyof AttendanceTotals, number | string>>(
      ctx.db,
      sql`
      select
        (select count(*) from workshops where project_id = ${input.projectId} and status = 'held') as "workshopsHeld",
        coalesce(sum(s.records), 0) as "attendances",
        count(s.participant_id) as "participants",
        count(*) filter (where p.sex = 'woman') as "women",
        count(*) filter (where p.sex = 'man') as "men",
        -- Few institutions, each found at its first attendance in the project through its index.
        (select count(*) from institutions i
          where exists (select 1 from attendance a join workshops w on w.id = a.workshop_id
                        where a.institution_id = i.id and w.project_id = ${input.projectId})) as "institutions"
      from attendance_project_people s
      join participants p on p.id = s.participant_id
      where s.project_id = ${input.projectId}`,
    );
    return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as AttendanceTotals;
  },
});
