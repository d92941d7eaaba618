import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import { attendance, attendanceExcuses, bodyMemberships, coordinationBodies, institutions, participants, workshopInvitations, type Workshop } from "@/db/schema";
import type { AttendanceStatus, InstitutionKind, InstitutionSector, ParticipantSex } from "@/db/schema/values";
import { sortable } from "@/lib/search-text";
import type { Db } from "@/db/client";
import { can } from "@/lib/policy";
import { keptFigures } from "@/lib/record-versions";
import type { UseCaseCtx } from "@/lib/use-case";
import { workshopDays } from "@/lib/workshops/days";

/** One attendance as the report reads it: who (by id only), which day, and the facts counted. */
export type AttendanceFact = {
  participantId: string;
  day: string;
  status: AttendanceStatus;
  sex: ParticipantSex;
  institutionId: string | null;
  institutionName: string | null;
  sector: InstitutionSector | null;
  kind: InstitutionKind | null;
};

type Membership = { institutionId: string; bodyId: string; bodyName: string; startDate: string; endDate: string | null };

export type Count = { key: string; label: string; count: number };

/** An excused absence, as the figures count it (the reason is only on the attendee list). */
export type ExcuseFact = { participantId: string; day: string };

export type ReportSlice = {
  /** Days attended, each counted once, whether on time, late or leaving early. */
  attendances: number;
  late: number;
  leftEarly: number;
  /** Days excused: absent with a reason, not counted as attended. */
  excused: number;
  participants: number;
  bySex: Count[];
  bySector: Count[];
  byKind: Count[];
  byInstitution: Count[];
  /** People from institutions that were members of each coordination body on the day they came. */
  byBody: Count[];
};

export type AttendanceSummary = {
  days: ({ day: string } & ReportSlice)[];
  overall: ReportSlice & { everyDay: number; someDays: number };
};

const none = "none";

function tally(keys: { key: string; label: string }[]): Count[] {
  const counts = new Map<string, Count>();
  for (const { key, label } of keys) {
    const current = counts.get(key) ?? { key, label, count: 0 };
    current.count += 1;
    counts.set(key, current);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * Counts one slice: each person once (on a day there is one record per person; overall, a person
 * is counted under the institution of the last day they came, and under every body their
 * institution belonged to on any day they came).
 */
function slice(facts: AttendanceFact[], excused: number, membershipsOf: Map<string, Membership[]>): ReportSlice {
  const latest = new Map<string, AttendanceFact>();
  const bodies = new Map<string, Map<string, string>>();
  for (const f of facts) {
    const seen = latest.get(f.participantId);
    if (!seen || f.day > seen.day) latest.set(f.participantId, f);
    for (const m of (f.institutionId && membershipsOf.get(f.institutionId)) || []) {
      if (m.startDate > f.day || (m.endDate !== null && m.endDate < f.day)) continue;
      const ofPerson = bodies.get(f.participantId) ?? new Map<string, string>();
      ofPerson.set(m.bodyId, m.bodyName);
      bodies.set(f.participantId, ofPerson);
    }
  }
  const people = [...latest.values()];
  return {
    attendances: facts.length,
    late: facts.filter((f) => f.status === "late").length,
    leftEarly: facts.filter((f) => f.status === "left_early").length,
    excused,
    participants: people.length,
    bySex: tally(people.map((p) => ({ key: p.sex, label: p.sex }))),
    bySector: tally(people.map((p) => ({ key: p.sector ?? none, label: p.sector ?? none }))),
    byKind: tally(people.map((p) => ({ key: p.kind ?? none, label: p.kind ?? none }))),
    byInstitution: tally(people.map((p) => ({ key: p.institutionId ?? none, label: p.institutionName ?? none }))),
    byBody: tally([...bodies.values()].flatMap((ofPerson) => [...ofPerson].map(([key, label]) => ({ key, label })))),
  };
}

/** The workshop's figures per day and overall, from its attendance records. Pure, so the arithmetic is tested on fixtures. */
export function summariseAttendance(days: string[], facts: AttendanceFact[], memberships: Membership[], excuses: ExcuseFact[] = []): AttendanceSummary {
  // Looked up by institution: each record meets only its own institution's memberships.
  const membershipsOf = new Map<string, Membership[]>();
  for (const m of memberships) membershipsOf.set(m.institutionId, [...(membershipsOf.get(m.institutionId) ?? []), m]);
  const perPerson = new Map<string, Set<string>>();
  for (const f of facts) perPerson.set(f.participantId, (perPerson.get(f.participantId) ?? new Set()).add(f.day));
  const everyDay = [...perPerson.values()].filter((attended) => days.every((d) => attended.has(d))).length;
  return {
    days: days.map((day) => ({
      day,
      ...slice(
        facts.filter((f) => f.day === day),
        excuses.filter((e) => e.day === day).length,
        membershipsOf,
      ),
    })),
    overall: { ...slice(facts, excuses.length, membershipsOf), everyDay, someDays: perPerson.size - everyDay },
  };
}

/** A person on the report's list: the days attended and how, the days excused and why, and the share of the workshop's days attended. */
export type Attendee = {
  participantId: string;
  givenNames: string;
  familyNames: string;
  isErased: boolean;
  institutionName: string | null;
  days: { day: string; status: AttendanceStatus }[];
  excused: { day: string; reason: string }[];
  rate: number;
};

/** The report of a workshop the caller may read (getWorkshopReport says what it holds). */
export async function workshopReportOf(ctx: UseCaseCtx, workshop: Workshop) {
  const days = workshopDays(workshop.startDate, workshop.endDate);
  // Read once per change of the project's records or the directory, not once per reader: a report
  // is read many times after its workshop, and each read is most of the page's time.
  const kept = await keptFigures(ctx.db, workshop.projectId);
  const { summary, absent, attendees } = await kept(`workshop-report:${workshop.id}`, async () => {
    const { rows, excuses, memberships, absent } = await reportRecordsOf(ctx.db, workshop);
    return { summary: summariseAttendance(days, rows, memberships, excuses), absent, attendees: attendeesOf(rows, excuses, days.length) };
  });
  return {
    workshop: {
      id: workshop.id,
      title: workshop.title,
      type: workshop.type,
      city: workshop.city,
      startDate: workshop.startDate,
      endDate: workshop.endDate,
      language: workshop.language,
    },
    ...summary,
    absentInstitutions: absent,
    // Names are for the project's staff; partners read figures only.
    attendees: can(ctx.access, "participants.read") ? attendees : null,
  };
}

/** The workshop's records with their people and institutions, the memberships they meet, and the invited institutions that did not come. */
async function reportRecordsOf(db: Db, workshop: Workshop) {
  const ofWorkshop = eq(attendance.workshopId, workshop.id);
  const institutionsPresent = db.select({ id: attendance.institutionId }).from(attendance).where(ofWorkshop);
  // The records, their people and their institutions are read apart and put together here. Joined,
  // each person's and institution's columns came once per record (a thousand for 500 people over
  // two days), and the embedded database hashed the whole directory of people to find the
  // workshop's: people and institutions are looked up by primary key instead (`= any(array(…))`).
  // That database also decodes each value of a result on its own, so the two long lists come as one
  // JSON array each. Memberships and absent institutions are found from the records in the
  // database, not from a few hundred ids sent back to it, so the five reads go out together.
  const [[records], excuseRows, [people], institutionRows, memberships, absent] = await Promise.all([
    db
      .select({
        list: sql<
          [string, string, string | null, AttendanceStatus][]
        >`coalesce(json_agg(json_build_array(${attendance.participantId}, ${attendance.day}, ${attendance.institutionId}, ${attendance.status}) order by ${attendance.day}), '[]')`,
      })
      .from(attendance)
      .where(ofWorkshop),
    db
      .select({ participantId: attendanceExcuses.participantId, day: attendanceExcuses.day, reason: attendanceExcuses.reason })
      .from(attendanceExcuses)
      .where(eq(attendanceExcuses.workshopId, workshop.id))
      .orderBy(asc(attendanceExcuses.day)),
    db
      .select({
        list: sql<
          [string, ParticipantSex, string, string, boolean][]
        >`coalesce(json_agg(json_build_array(${participants.id}, ${participants.sex}, ${participants.givenNames}, ${participants.familyNames}, ${participants.isErased})), '[]')`,
      })
      .from(participants)
      .where(
        sql`${participants.id} = any(array(${db.select({ id: attendance.participantId }).from(attendance).where(ofWorkshop)} union ${db
          .select({ id: attendanceExcuses.participantId })
          .from(attendanceExcuses)
          .where(eq(attendanceExcuses.workshopId, workshop.id))}))`,
      ),
    db
      .select({ id: institutions.id, name: institutions.name, sector: institutions.sector, kind: institutions.kind })
      .from(institutions)
      .where(sql`${institutions.id} = any(array(${institutionsPresent}))`),
    db
      .select({
        institutionId: bodyMemberships.institutionId,
        bodyId: bodyMemberships.bodyId,
        bodyName: sql<string>`coalesce(nullif(${coordinationBodies.acronym}, ''), ${coordinationBodies.name})`,
        startDate: bodyMemberships.startDate,
        endDate: bodyMemberships.endDate,
      })
      .from(bodyMemberships)
      .innerJoin(coordinationBodies, eq(coordinationBodies.id, bodyMemberships.bodyId))
      .where(inArray(bodyMemberships.institutionId, institutionsPresent)),
    db
      .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym })
      .from(workshopInvitations)
      .innerJoin(institutions, eq(institutions.id, workshopInvitations.institutionId))
      .where(
        and(
          eq(workshopInvitations.workshopId, workshop.id),
          notExists(
            db
              .select({ one: sql`1` })
              .from(attendance)
              .where(and(ofWorkshop, eq(attendance.institutionId, institutions.id))),
          ),
        ),
      )
      .orderBy(asc(sortable(institutions.name))),
  ]);
  const personById = new Map(people!.list.map(([id, sex, givenNames, familyNames, isErased]) => [id, { sex, givenNames, familyNames, isErased }]));
  const institutionById = new Map(institutionRows.map((i) => [i.id, i]));
  // The reads are separate statements: a record written between them is left for the next look.
  const rows = records!.list.flatMap(([participantId, day, institutionId, status]) => {
    const person = personById.get(participantId);
    const institution = institutionId === null ? undefined : institutionById.get(institutionId);
    if (!person || (institutionId !== null && !institution)) return [];
    return [
      { participantId, day, status, institutionId, institutionName: institution?.name ?? null, sector: institution?.sector ?? null, kind: institution?.kind ?? null, ...person },
    ];
  });
  const excuses = excuseRows.flatMap((e) => {
    const person = personById.get(e.participantId);
    return person ? [{ ...e, ...person }] : [];
  });
  return { rows, excuses, memberships, absent };
}

type Named = { participantId: string; givenNames: string; familyNames: string; isErased: boolean };

/** Everyone who attended or was excused, by name; the institution is the one of the last day they came. */
function attendeesOf(
  rows: (Named & { day: string; status: AttendanceStatus; institutionName: string | null })[],
  excuses: (Named & { day: string; reason: string })[],
  dayCount: number,
): Attendee[] {
  const byPerson = new Map<string, Attendee>();
  const personOf = (r: Named) => {
    const person = byPerson.get(r.participantId) ?? {
      participantId: r.participantId,
      givenNames: r.givenNames,
      familyNames: r.familyNames,
      isErased: r.isErased,
      institutionName: null,
      days: [],
      excused: [],
      rate: 0,
    };
    byPerson.set(r.participantId, person);
    return person;
  };
  for (const r of rows) {
    const person = personOf(r);
    person.days.push({ day: r.day, status: r.status });
    person.institutionName = r.institutionName;
  }
  for (const e of excuses) personOf(e).excused.push({ day: e.day, reason: e.reason });
  for (const person of byPerson.values()) person.rate = dayCount ? person.days.length / dayCount : 0;
  return [...byPerson.values()].sort((a, b) => `${a.familyNames} ${a.givenNames}`.localeCompare(`${b.familyNames} ${b.givenNames}`, "es"));
}

export type WorkshopReport = Awaited<ReturnType<typeof workshopReportOf>>;
