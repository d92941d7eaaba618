// Data generator for the benchmarks: a directory of institutions and participants, and a project
// with workshops and their attendance, at a chosen scale. Deterministic shapes, random names.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { performance } from "node:perf_hooks";
import type { Database, Db } from "@/db/client";
import {
  actionFindings,
  bodyMemberships,
  coordinationBodies,
  evaluationGroups,
  evaluations,
  evaluationStatements,
  findings,
  improvementActions,
  institutions,
  participantNameKeys,
  participantProjects,
  participants,
  projectMembers,
  projects,
  studies,
  users,
  workshops,
  type Narrative,
} from "@/db/schema";
import { actionStatuses, findingStatuses, findingThemes, institutionKinds, institutionSectors } from "@/db/schema/values";
import { hashPassword } from "@/lib/auth/password";
import { participantSearchText } from "@/lib/participants/names";
import { nameKeyRows } from "@/lib/participants/name-keys";
import { toSearchText } from "@/lib/search-text";

export type Scale = {
  institutions: number;
  participants: number;
  workshops: number;
  attendance: number;
  /** What follows the workshops (issues 6 and 7): the baseline study, its actions, the final evaluations. */
  findings: number;
  actions: number;
  evaluations: number;
  respondentsPerEvaluation: number;
};

/** From the demo's size to the targets' largest scale. */
export const scales = {
  demo: { institutions: 50, participants: 500, workshops: 10, attendance: 2_000, findings: 12, actions: 6, evaluations: 1, respondentsPerEvaluation: 109 },
  medium: { institutions: 500, participants: 10_000, workshops: 100, attendance: 100_000, findings: 50, actions: 100, evaluations: 2, respondentsPerEvaluation: 500 },
  large: { institutions: 2_000, participants: 100_000, workshops: 1_000, attendance: 1_000_000, findings: 200, actions: 400, evaluations: 3, respondentsPerEvaluation: 2_000 },
} satisfies Record<string, Scale>;

export type ScaleName = keyof typeof scales;

export const benchPassword = "bench-password-2026";
export const benchAccounts = { admin: "bench-admin@example.org", manager: "bench-manager@example.org", field: "bench-field@example.org" } as const;

const givenNames =
  "María José Ana Carlos Luis Juan Rosa Carmen Jorge Pedro Lucía Sofía Daniel Andrea Miguel Elena Marta Óscar Héctor Karla Wilmer Dania Reina Iris Marco Nelson Ericka Sandra Gloria Francisco Tomás Xiomara Rafael Kenia Denis Marlen Walter Yessica Ramón Ingrid Mauricio Emilia Gabriela Fernando Patricia Alejandra Ricardo Roberto Mario Julio César Diana Paola Víctor Raúl Alba Silvia Mercedes Teresa Isabel Antonio Manuel Francisca Guadalupe Esperanza Dolores Pilar Inés Noemí Ruth Saúl Ismael Efraín Édgar Erick Kevin Brenda Wendy Heidy Nohemí Lourdes Marisol Claudia Leticia Beatriz Adriana Lorena Mayra Ligia Maritza Suyapa Jessica Fabiola Arely Keila Yolanda".split(
    " ",
  );
const familyNames =
  "Hernández López Martínez García Rodríguez Pérez Sánchez Ramírez Flores Cruz Gómez Mejía Reyes Castro Zelaya Rivera Paz Aguilar Banegas Ordóñez Cálix Funez Maradiaga Andino Matute Sierra Bustillo Amaya Euceda Salgado Turcios Pineda Lagos Valladares Galeas Irías Colindres Suazo Molina Matamoros Bonilla Osorto Chinchilla Padilla Espinal Fiallos Zúniga Ávila Zepeda Díaz Vásquez Romero Torres Ramos Morales Ortiz Gutiérrez Chávez Mendoza Ruiz Álvarez Castillo Jiménez Moreno Herrera Medina Vargas Guzmán Rojas Núñez Cortés Figueroa Soto Contreras Campos Vega Fuentes Carrasco Sandoval Espinoza Orellana Escobar Cáceres Velásquez Cerrato Lobo Midence Discua Alvarado Barahona Carías Ferrera Guardado Interiano Laínez Membreño Montoya Nájera Oyuela Posadas Quezada Rosales Tábora Urbina Varela Zavala".split(
    " ",
  );

export const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
export const someFamilyName = () => pick(familyNames);
export const someGivenName = () => pick(givenNames);

/** A new, empty Postgres database for one benchmark run, dropped by `drop()`. */
export async function createScratchDatabase(adminUrl: string) {
  const name = `atelier_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export type Generated = {
  projectId: string;
  userIds: Record<keyof typeof benchAccounts, string>;
  workshops: { id: string; startDate: string }[];
  /** Some participants' ids, for load tests to check in. */
  participantIds: string[];
};

/** Migrates an empty database and fills it at the named scale, saying how long it took. */
export async function generateScale(database: Database, scale: ScaleName): Promise<Generated> {
  await database.migrate();
  const start = performance.now();
  console.log(`Generating the "${scale}" scale:`);
  const generated = await generate(database.db, scales[scale], (line) => console.log(line));
  console.log(`Generated in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  return generated;
}

/** Fills an empty, migrated database: accounts, one project, the directory, workshops and attendance. */
export async function generate(db: Db, scale: Scale, log: (line: string) => void = () => {}): Promise<Generated> {
  const [project] = await db
    .insert(projects)
    .values({ code: "BENCH", name: { original: "en", en: "Bench" }, country: "HN", startDate: "2019-01-01", endDate: "2025-12-31", status: "active" })
    .returning();
  const passwordHash = await hashPassword(benchPassword);
  const userIds = {} as Generated["userIds"];
  for (const [role, email] of Object.entries(benchAccounts) as [keyof typeof benchAccounts, string][]) {
    const [user] = await db
      .insert(users)
      .values({ email, name: `Bench ${role}`, isAdmin: role === "admin", passwordHash, locale: "en" })
      .returning();
    userIds[role] = user!.id;
    if (role !== "admin") await db.insert(projectMembers).values({ projectId: project!.id, userId: user!.id, role });
  }

  log(`  ${scale.institutions} institutions…`);
  const institutionIds: string[] = [];
  for (let i = 0; i < scale.institutions; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, scale.institutions - i) }, (_, j) => {
      const n = i + j;
      const name = `${pick(["Secretaría de", "Dirección de", "Asociación", "Fundación", "Unidad de", "Juzgado de", "Fiscalía de", "Comité de"])} ${pick(familyNames)} ${pick(familyNames)} ${n}`;
      const acronym = `I${n}`;
      return { name, acronym, country: "HN", sector: pick(institutionSectors), kind: pick(institutionKinds), level: "national" as const, searchText: toSearchText(name, acronym) };
    });
    institutionIds.push(...(await db.insert(institutions).values(batch).returning({ id: institutions.id })).map((r) => r.id));
  }

  log(`  ${scale.participants} participants…`);
  const participantIds: string[] = [];
  for (let i = 0; i < scale.participants; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, scale.participants - i) }, () => {
      const given = Math.random() < 0.4 ? `${pick(givenNames)} ${pick(givenNames)}` : pick(givenNames);
      const family = Math.random() < 0.7 ? `${pick(familyNames)} ${pick(familyNames)}` : pick(familyNames);
      return {
        id: crypto.randomUUID(),
        givenNames: given,
        familyNames: family,
        sex: pick(["woman", "man"] as const),
        institutionId: pick(institutionIds),
        searchText: participantSearchText(given, family),
      };
    });
    await db.insert(participants).values(rows);
    if (participantIds.length < 5000) participantIds.push(...rows.map((r) => r.id));
    await db.insert(participantProjects).values(rows.map((r) => ({ participantId: r.id, projectId: project!.id })));
    await db.insert(participantNameKeys).values(rows.flatMap((r) => nameKeyRows(r)));
  }

  log(`  ${scale.workshops} two-day workshops…`);
  const generatedWorkshops: Generated["workshops"] = [];
  for (let i = 0; i < scale.workshops; i += 500) {
    const batch = Array.from({ length: Math.min(500, scale.workshops - i) }, (_, j) => {
      const start = new Date(Date.UTC(2019, 0, 1 + ((i + j) % 1400)));
      const end = new Date(start.getTime() + 86_400_000);
      return {
        projectId: project!.id,
        title: `Taller ${i + j + 1}`,
        type: pick(["baseline", "training", "validation", "coordination"] as const),
        city: pick(["Tegucigalpa", "San Pedro Sula", "La Ceiba", "Choluteca", "Comayagua"]),
        startDate: start.toISOString().slice(0, 10),
        endDate: end.toISOString().slice(0, 10),
        language: "es" as const,
        status: "held" as const,
      };
    });
    generatedWorkshops.push(...(await db.insert(workshops).values(batch).returning({ id: workshops.id, startDate: workshops.startDate })));
  }

  // Each workshop's people come both days; consecutive workshops take consecutive people, so
  // everyone attends several workshops. Generated in the database: a million rows in seconds.
  const perWorkshop = scale.workshops ? Math.max(1, Math.floor(scale.attendance / scale.workshops / 2)) : 0;
  if (perWorkshop > 0) await generateAttendance(db, project!.id, scale, perWorkshop, log);
  await generateFollowUp(db, project!.id, scale, institutionIds, userIds.manager, log);
  // A directory that grew over months has been vacuumed by autovacuum; a freshly loaded one has not.
  await db.execute(sql`vacuum analyze`);
  return { projectId: project!.id, userIds, workshops: generatedWorkshops, participantIds };
}

async function generateAttendance(db: Db, projectId: string, scale: Scale, perWorkshop: number, log: (line: string) => void) {
  log(`  ${scale.attendance} attendance records (${perWorkshop} people × 2 days per workshop)…`);
  await db.execute(sql`
    insert into attendance (workshop_id, participant_id, day, institution_id)
    select w.id, p.id, w.start_date + d, p.institution_id
    from (select id, start_date, row_number() over (order by start_date, id) - 1 as n from workshops where project_id = ${projectId}) w
    cross join generate_series(0, ${perWorkshop - 1}) k
    cross join generate_series(0, 1) d
    join (select id, institution_id, row_number() over (order by id) - 1 as n from participants) p
      on p.n = (w.n * ${perWorkshop} + k) % ${scale.participants}`);
  await db.execute(sql`
    insert into workshop_invitations (workshop_id, institution_id)
    select distinct a.workshop_id, a.institution_id from attendance a where a.institution_id is not null
    on conflict do nothing`);
}

const narrative = (es: string): Narrative => ({ original: "es", es });

/**
 * What the dashboard reads besides attendance: coordination bodies with members among the
 * institutions, the baseline study's findings, the actions answering them (some overdue), and
 * final evaluations of ten statements, four of them pinned, answered by every respondent.
 */
async function generateFollowUp(db: Db, projectId: string, scale: Scale, institutionIds: string[], managerId: string, log: (line: string) => void) {
  if (!scale.findings) return;
  log(`  3 coordination bodies, ${scale.findings} findings, ${scale.actions} actions, ${scale.evaluations} evaluations of ${scale.respondentsPerEvaluation} respondents…`);
  for (const acronym of ["CICESCT", "CONAPINA", "MESA-SPS"]) {
    const [body] = await db
      .insert(coordinationBodies)
      .values({ name: `Comisión ${acronym}`, acronym, country: "HN" })
      .returning();
    const members = Array.from({ length: Math.min(30, institutionIds.length) }, () => pick(institutionIds));
    await db
      .insert(bodyMemberships)
      .values([...new Set(members)].map((institutionId) => ({ bodyId: body!.id, institutionId, startDate: "2015-01-01" })))
      .onConflictDoNothing();
  }
  const [study] = await db.insert(studies).values({ projectId, title: "Estudio de línea de base", status: "validated" }).returning();
  const findingIds = (
    await db
      .insert(findings)
      .values(
        Array.from({ length: scale.findings }, (_, i) => ({
          studyId: study!.id,
          theme: findingThemes[i % findingThemes.length]!,
          title: narrative(`Hallazgo ${i + 1}`),
          description: narrative(`Descripción del hallazgo ${i + 1}`),
          status: findingStatuses[i % findingStatuses.length]!,
          createdById: managerId,
        })),
      )
      .returning({ id: findings.id })
  ).map((f) => f.id);
  const actionIds = (
    await db
      .insert(improvementActions)
      .values(
        Array.from({ length: scale.actions }, (_, i) => ({
          projectId,
          title: `Acción ${i + 1}`,
          ownerId: managerId,
          status: actionStatuses[i % actionStatuses.length]!,
          dueDate: i % 3 === 0 ? "2024-06-30" : "2030-06-30",
        })),
      )
      .returning({ id: improvementActions.id })
  ).map((a) => a.id);
  await db.insert(actionFindings).values(actionIds.map((actionId, i) => ({ actionId, findingId: findingIds[i % findingIds.length]! })));

  for (let e = 0; e < scale.evaluations; e++) {
    const [evaluation] = await db
      .insert(evaluations)
      .values({ projectId, title: { original: "es", es: `Evaluación ${e + 1}` }, scaleSize: 5, agreeLevels: [4, 5] })
      .returning();
    const groupIds = (
      await db
        .insert(evaluationGroups)
        .values(["state", "civil_society", "police_justice"].map((key) => ({ evaluationId: evaluation!.id, key, name: narrative(key) })))
        .returning({ id: evaluationGroups.id })
    ).map((g) => g.id);
    await db.insert(evaluationStatements).values(
      Array.from({ length: 10 }, (_, i) => ({
        evaluationId: evaluation!.id,
        position: i,
        key: `q${i + 1}`,
        text: narrative(`Afirmación ${i + 1}`),
        pinned: i < 4,
        pinnedGroupId: i === 3 ? groupIds[1]! : null,
      })),
    );
    // Respondents spread over the groups, each answering every statement at a random level.
    await db.execute(sql`
      insert into evaluation_respondents (evaluation_id, group_id, external_id)
      select ${evaluation!.id}, (array[${sql.join(
        groupIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}])[1 + n % 3], 'bench-' || n
      from generate_series(1, ${scale.respondentsPerEvaluation}) n`);
    await db.execute(sql`
      insert into evaluation_answers (respondent_id, statement_id, level)
      select r.id, s.id, 1 + floor(random() * 5)::int
      from evaluation_respondents r cross join evaluation_statements s
      where r.evaluation_id = ${evaluation!.id} and s.evaluation_id = ${evaluation!.id}`);
  }
}
