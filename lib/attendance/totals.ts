import { sql } from "drizzle-orm";
import { executeRows } from "@/db/client";
import { projectIdInput } from "@/lib/projects/schemas";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";

export type AttendanceTotals = {
  workshopsHeld: number;
  attendances: number;
  participants: number;
  women: number;
  men: number;
  institutions: number;
};

/** Workshops starting within the period count; open at either end. */
export type WorkshopPeriod = { from?: string; to?: string };

/** The condition on a workshop `w` of the project for starting within the period. */
export function workshopsIn(projectId: string, period: WorkshopPeriod) {
  return sql`w.project_id = ${projectId}
    ${period.from ? sql`and w.start_date >= ${period.from}` : sql``}
    ${period.to ? sql`and w.start_date <= ${period.to}` : sql``}`;
}

export type PeopleTally = Pick<AttendanceTotals, "attendances" | "participants" | "women" | "men">;

/**
 * Attendance records and the people behind them (each once, with the women and men among them).
 * The whole project reads the per-project tally the database keeps (attendance_project_people,
 * which carries each person's sex); a period counts the records of its workshops, grouped per
 * person before the people are joined.
 */
export async function tallyPeople(ctx: UseCaseCtx, projectId: string, period: WorkshopPeriod = {}): Promise<PeopleTally> {
  const filtered = Boolean(period.from || period.to);
  const perPerson = filtered
    ? sql`select x.records, p.sex from (
          select a.participant_id, count(*) as records from attendance a join workshops w on w.id = a.workshop_id
          where ${workshopsIn(projectId, period)} group by a.participant_id
        ) x join participants p on p.id = x.participant_id`
    : sql`select records, sex from attendance_project_people where project_id = ${projectId}`;
  const tally = sql`select coalesce(sum(s.records), 0)::int as "attendances", count(*)::int as "participants",
      count(*) filter (where s.sex = 'woman')::int as "women", count(*) filter (where s.sex = 'man')::int as "men"
    from (${perPerson}) s`;
  if (!filtered) return (await executeRows<PeopleTally>(ctx.db, tally))[0]!;
  // Grouping 100,000 people takes about 10 MB: under the default 4 MB of work memory the grouping
  // spills to disk and takes a third longer.
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    return (await executeRows<PeopleTally>(tx, tally))[0]!;
  });
}

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
    const [people, [reach]] = await Promise.all([
      tallyPeople(ctx, input.projectId),
      executeRows<{ workshopsHeld: number; institutions: number }>(
        ctx.db,
        sql`select
          (select count(*)::int from workshops where project_id = ${input.projectId} and status = 'held') as "workshopsHeld",
          -- Few institutions, each found at its first attendance in the project through its index.
          (select count(*)::int from institutions i
            where exists (select 1 from attendance a join workshops w on w.id = a.workshop_id
                          where a.institution_id = i.id and w.project_id = ${input.projectId})) as "institutions"`,
      ),
    ]);
    return { ...people, ...reach! };
  },
});
