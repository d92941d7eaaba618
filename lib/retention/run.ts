import { and, count, gte, isNull, sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";
import { retentionRuns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { anonymiseParticipant } from "@/lib/participants/anonymise";
import type { Narrative } from "@/db/schema/values";

/** The daily job runs from this hour (UTC), when nobody is expected to be checking people in. */
export const dailyRunHourUtc = 2;

// One key for every instance: a second run waits for the first, then finds nobody left to do.
const lockKey = 7_310_014;

/**
 * Every person with a name still held, with the day their data is due for anonymisation: the
 * latest of their projects' end dates plus that project's retention period (so a person is due
 * only once every project they belong to has ended long enough ago), the project that sets that
 * day, and whether any of their projects holds them: under a legal hold, or not yet closed (a
 * project running late past its planned end date still needs its people's names).
 */
const peopleDue = sql`
  select distinct on (pp.participant_id)
    pp.participant_id,
    p.id as project_id,
    (p.end_date + make_interval(years => p.retention_years))::date as due_on,
    bool_or(p.legal_hold or p.status <> 'closed') over (partition by pp.participant_id) as held
  from participant_projects pp
  join projects p on p.id = pp.project_id
  join participants x on x.id = pp.participant_id and x.is_erased = false
  order by pp.participant_id, (p.end_date + make_interval(years => p.retention_years)) desc, p.id`;

export type ProjectRetention = {
  projectId: string;
  code: string;
  name: Narrative;
  endDate: string;
  retentionYears: number;
  legalHold: boolean;
  dueOn: string;
  /** People whose data goes at the next run, counted under the project that made them due. */
  peopleDue: number;
  /** People of the project whose data is still held. */
  peopleHeld: number;
};

/** Per project: when its people's data falls due, how many are due now and how many still have a name. */
export async function listRetention(db: Db, today: string): Promise<ProjectRetention[]> {
  const rows = await executeRows<{
    project_id: string;
    code: string;
    name: Narrative;
    end_date: string;
    retention_years: number;
    legal_hold: boolean;
    due_on: string;
    people_due: number | string;
    people_held: number | string;
  }>(
    db,
    sql`
    with person as (${peopleDue})
    select p.id as project_id, p.code, p.name, p.end_date::text as end_date, p.retention_years, p.legal_hold,
      (p.end_date + make_interval(years => p.retention_years))::date::text as due_on,
      (select count(*) from person where person.project_id = p.id and person.due_on < ${today}::date and not person.held) as people_due,
      (select count(*) from participant_projects pp join participants x on x.id = pp.participant_id and x.is_erased = false where pp.project_id = p.id) as people_held
    from projects p
    order by due_on, p.code`,
  );
  return rows.map((r) => ({
    projectId: r.project_id,
    code: r.code,
    name: r.name,
    endDate: r.end_date,
    retentionYears: Number(r.retention_years),
    legalHold: r.legal_hold,
    dueOn: r.due_on,
    peopleDue: Number(r.people_due),
    peopleHeld: Number(r.people_held),
  }));
}

export type RetentionOutcome = { skipped: boolean; people: number; byProject: { projectId: string; peopleCount: number }[] };

/**
 * Anonymises, as erasure does, everyone whose every project ended longer ago than its retention
 * period, unless one of their projects is under a legal hold; writes one register line per project
 * (how many people, never who) and its audit entry. The daily job (no actor) runs once a day
 * across instances: the lock makes a second one wait, and it then finds today's line.
 */
export async function runRetention(db: Db, options: { now: Date; actorId: string | null }): Promise<RetentionOutcome> {
  const today = options.now.toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);
    if (options.actorId === null) {
      const [done] = await tx
        .select({ n: count() })
        .from(retentionRuns)
        .where(and(isNull(retentionRuns.actorId), gte(retentionRuns.ranAt, new Date(`${today}T00:00:00Z`))));
      if ((done?.n ?? 0) > 0) return { skipped: true, people: 0, byProject: [] };
    }
    const due = await executeRows<{ participant_id: string; project_id: string }>(
      tx,
      sql`select participant_id, project_id from (${peopleDue}) person where person.due_on < ${today}::date and not person.held`,
    );
    const counts = new Map<string, number>();
    for (const person of due) {
      await anonymiseParticipant(tx, person.participant_id);
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "retention.erase",
        entityType: "participant",
        entityId: person.participant_id,
        projectId: person.project_id,
        changes: { personalData: { before: "•••", after: null } },
      });
      counts.set(person.project_id, (counts.get(person.project_id) ?? 0) + 1);
    }
    const byProject = [...counts].map(([projectId, peopleCount]) => ({ projectId, peopleCount }));
    // A run that found nobody still leaves its line, so the register shows the job ran.
    const lines = byProject.length ? byProject : [{ projectId: null, peopleCount: 0 }];
    await tx.insert(retentionRuns).values(lines.map((line) => ({ ...line, actorId: options.actorId, ranAt: options.now })));
    for (const { projectId, peopleCount } of byProject) {
      await recordAudit(tx, {
        actorId: options.actorId,
        action: "retention.run",
        entityType: "project",
        entityId: projectId,
        projectId,
        changes: { peopleAnonymised: { before: null, after: peopleCount } },
      });
    }
    return { skipped: false, people: due.length, byProject };
  });
}
