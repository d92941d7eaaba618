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

/** A project's attendance at a glance: every workshop's records counted in the database, each person once. */
export const getProjectAttendanceTotals = defineUseCase({
  name: "attendance.projectTotals",
  access: { kind: "project", roles: ["manager", "field", "partner"] },
  input: projectIdInput,
  write: false,
  async run(ctx, input): Promise<AttendanceTotals> {
    const [row] = await executeRows<Record<keyof AttendanceTotals, number | string>>(
      ctx.db,
      sql`
      with records as (
        select a.participant_id, a.institution_id
        from attendance a join workshops w on w.id = a.workshop_id
        where w.project_id = ${input.projectId}
      ),
      people as (
        select p.sex from participants p where p.id in (select participant_id from records)
      )
      select
        (select count(*) from workshops where project_id = ${input.projectId} and status = 'held') as "workshopsHeld",
        (select count(*) from records) as "attendances",
        (select count(*) from people) as "participants",
        (select count(*) from people where sex = 'woman') as "women",
        (select count(*) from people where sex = 'man') as "men",
        (select count(distinct institution_id) from records) as "institutions"`,
    );
    return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as AttendanceTotals;
  },
});
