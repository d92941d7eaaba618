import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { attendance, attendanceExcuses, institutions, missions, missionTeam, participants, users, workshopAgenda, workshopInvitations, workshops } from "../schema";
import type { AttendanceStatus, Narrative, WorkshopStatus, WorkshopType } from "../schema/values";
import { holdsAnyVersionOf } from "@/lib/narrative-sql";
import { participantSearchText } from "@/lib/participants/names";
import { tegucigalpaAttendees } from "./participants";

type DemoWorkshop = {
  title: string;
  type: WorkshopType;
  city: string;
  venue: string;
  startDate: string;
  endDate: string;
  language: "es" | "fr" | "en";
  status: WorkshopStatus;
  expectedParticipants: number;
  invited: string[];
  agenda?: Record<string, string>;
};

type DemoMission = {
  title: Narrative;
  purpose: string;
  country: "HN" | "CR";
  cities: string[];
  startDate: string;
  endDate: string;
  status: "done" | "planned";
  team: string[];
  workshops: DemoWorkshop[];
};

const tegucigalpaInstitutions = [
  "Policía Nacional de Honduras",
  "Unidad contra la Trata de Personas de la Policía Nacional",
  "Poder Judicial de Honduras",
  "Ministerio Público de Honduras",
  "Secretaría de Trabajo y Seguridad Social",
  "Secretaría de Salud",
  "Secretaría de Educación",
  "Cámara Nacional de Turismo de Honduras",
  "Asociación Calidad de Vida",
  "Instituto Nacional de Migración",
];

export const tegucigalpaWorkshopTitle = "Taller de línea de base — Tegucigalpa";

const hondurasMissions: DemoMission[] = [
  {
    title: { original: "fr", fr: "Mission de lancement et étude de base", es: "Misión de lanzamiento y estudio de línea de base", en: "Launch and baseline study mission" },
    purpose: "Launch the project with the CICESCT and collect the baseline data in Tegucigalpa.",
    country: "HN",
    cities: ["Tegucigalpa"],
    startDate: "2019-06-15",
    endDate: "2019-06-23",
    status: "done",
    team: ["manager@example.org", "field@example.org"],
    workshops: [
      {
        title: tegucigalpaWorkshopTitle,
        type: "baseline",
        city: "Tegucigalpa",
        venue: "Hotel Honduras Maya",
        startDate: "2019-06-18",
        endDate: "2019-06-19",
        language: "es",
        status: "held",
        expectedParticipants: 40,
        invited: tegucigalpaInstitutions,
        agenda: {
          "2019-06-18": "Presentación del proyecto. Mesas de trabajo: prevención y protección.",
          "2019-06-19": "Mesas de trabajo: persecución penal y coordinación. Plenaria de conclusiones.",
        },
      },
    ],
  },
  {
    title: { original: "es", es: "Misión de validación de hallazgos", fr: "Mission de validation des constats", en: "Findings validation mission" },
    purpose: "Present the baseline findings to the CICESCT members and validate them.",
    country: "HN",
    cities: ["Tegucigalpa", "San Pedro Sula"],
    startDate: "2019-11-10",
    endDate: "2019-11-16",
    status: "done",
    team: ["manager@example.org"],
    workshops: [
      {
        title: "Validación de hallazgos de la línea de base",
        type: "validation",
        city: "San Pedro Sula",
        venue: "Centro de convenciones",
        startDate: "2019-11-12",
        endDate: "2019-11-12",
        language: "es",
        status: "held",
        expectedParticipants: 25,
        invited: ["Policía Nacional de Honduras", "Ministerio Público de Honduras", "Poder Judicial de Honduras", "Asociación Calidad de Vida"],
      },
    ],
  },
];

const costaRicaMissions: DemoMission[] = [
  {
    title: { original: "es", es: "Misión de capacitación de la Fuerza Pública", fr: "Mission de formation de la Force publique", en: "Fuerza Pública training mission" },
    purpose: "Train police and justice staff in identifying and referring victims.",
    country: "CR",
    cities: ["San José"],
    startDate: "2016-03-06",
    endDate: "2016-03-12",
    status: "done",
    team: ["manager@example.org"],
    workshops: [
      {
        title: "Formación en identificación de víctimas",
        type: "training",
        city: "San José",
        venue: "Academia Nacional de Policía",
        startDate: "2016-03-08",
        endDate: "2016-03-10",
        language: "es",
        status: "held",
        expectedParticipants: 30,
        invited: ["Fuerza Pública de Costa Rica", "Poder Judicial de Costa Rica", "Patronato Nacional de la Infancia"],
      },
    ],
  },
];

async function idsByName(tx: Db, table: typeof institutions, names: string[]) {
  const rows = await tx.select({ id: table.id, name: table.name }).from(table).where(inArray(table.name, names));
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function seedMissions(tx: Db, projectId: string, demo: DemoMission[]) {
  for (const m of demo) {
    const [existing] = await tx
      .select({ id: missions.id })
      .from(missions)
      .where(and(eq(missions.projectId, projectId), holdsAnyVersionOf(missions.title, m.title)));
    if (existing) continue;
    const { team, workshops: planned, ...fields } = m;
    const [mission] = await tx
      .insert(missions)
      .values({ ...fields, projectId })
      .returning({ id: missions.id });
    const members = await tx.select({ id: users.id }).from(users).where(inArray(users.email, team));
    if (members.length) await tx.insert(missionTeam).values(members.map((u) => ({ missionId: mission!.id, userId: u.id })));
    for (const w of planned) {
      const { invited, agenda, ...workshopFields } = w;
      const [workshop] = await tx
        .insert(workshops)
        .values({ ...workshopFields, projectId, missionId: mission!.id })
        .returning({ id: workshops.id });
      const invitedIds = await idsByName(tx, institutions, invited);
      await tx.insert(workshopInvitations).values([...invitedIds.values()].map((institutionId) => ({ workshopId: workshop!.id, institutionId })));
      const days = Object.entries(agenda ?? {});
      if (days.length) await tx.insert(workshopAgenda).values(days.map(([day, text]) => ({ workshopId: workshop!.id, day, agenda: text })));
    }
  }
}

/**
 * The Tegucigalpa baseline workshop's attendance: 33 people on 18 June, 30 on 19 June, 35 in all
 * (28 came both days). Every seventh person missed the second day; the last two came only then.
 */
async function seedTegucigalpaAttendance(tx: Db, projectId: string) {
  const [workshop] = await tx
    .select({ id: workshops.id })
    .from(workshops)
    .where(and(eq(workshops.projectId, projectId), eq(workshops.title, tegucigalpaWorkshopTitle)));
  const [already] = await tx.select({ id: attendance.id }).from(attendance).where(eq(attendance.workshopId, workshop!.id)).limit(1);
  if (already) return;
  const bySearch = new Map(
    (await tx.select({ id: participants.id, searchText: participants.searchText, institutionId: participants.institutionId }).from(participants)).map((p) => [p.searchText, p]),
  );
  const rows: (typeof attendance.$inferInsert)[] = [];
  tegucigalpaAttendees.forEach((name, i) => {
    const person = bySearch.get(participantSearchText(name, ""));
    if (!person) return;
    const lateComer = i >= tegucigalpaAttendees.length - 2;
    if (!lateComer) rows.push({ workshopId: workshop!.id, participantId: person.id, day: "2019-06-18", institutionId: person.institutionId });
    if (lateComer || i % 7 !== 3) rows.push({ workshopId: workshop!.id, participantId: person.id, day: "2019-06-19", institutionId: person.institutionId });
  });
  await tx.insert(attendance).values(rows);
}

/**
 * How some of Tegucigalpa's people came: two late on the second morning, one who left the first
 * day early, and two of those who missed the second day excused with a reason. Once: a workshop
 * with an excuse on file is left as it is.
 */
async function seedTegucigalpaStatuses(tx: Db, projectId: string) {
  const [workshop] = await tx
    .select({ id: workshops.id })
    .from(workshops)
    .where(and(eq(workshops.projectId, projectId), eq(workshops.title, tegucigalpaWorkshopTitle)));
  const [already] = await tx.select({ day: attendanceExcuses.day }).from(attendanceExcuses).where(eq(attendanceExcuses.workshopId, workshop!.id)).limit(1);
  if (already) return;
  const idOf = new Map((await tx.select({ id: participants.id, searchText: participants.searchText }).from(participants)).map((p) => [p.searchText, p.id]));
  const person = (i: number) => idOf.get(participantSearchText(tegucigalpaAttendees[i]!, ""))!;
  const setStatus = (i: number, day: string, status: AttendanceStatus) =>
    tx
      .update(attendance)
      .set({ status })
      .where(and(eq(attendance.workshopId, workshop!.id), eq(attendance.participantId, person(i)), eq(attendance.day, day)));
  await setStatus(1, "2019-06-19", "late");
  await setStatus(5, "2019-06-19", "late");
  await setStatus(8, "2019-06-18", "left_early");
  // Every seventh person from the fourth missed the second day (seedTegucigalpaAttendance).
  await tx.insert(attendanceExcuses).values([
    { workshopId: workshop!.id, participantId: person(3), day: "2019-06-19", reason: "Audiencia en el juzgado de Comayagüela" },
    { workshopId: workshop!.id, participantId: person(10), day: "2019-06-19", reason: "Turno de guardia" },
  ]);
}

/** Adds the demo missions and workshops that are not there yet (matched by title), with the Tegucigalpa attendance. */
export async function seedWorkshops(tx: Db, projects: { honduras: string; costaRica: string }) {
  await seedMissions(tx, projects.honduras, hondurasMissions);
  await seedMissions(tx, projects.costaRica, costaRicaMissions);
  await seedTegucigalpaAttendance(tx, projects.honduras);
  await seedTegucigalpaStatuses(tx, projects.honduras);
}
