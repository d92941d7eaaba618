// Directory benchmark: 2,000 institutions and 100,000 participants on PostgreSQL. Prints the
// server-side latency of directory search and duplicate suggestions, and the time to compute
// the duplicates queue for the whole directory. Run: npm run bench (DATABASE_URL optional).
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { institutions, participantNameKeys, participantProjects, participants, projectMembers, projects, users } from "@/db/schema";
import { toSessionUser } from "@/lib/auth/service";
import { listInstitutions } from "@/lib/institutions/service";
import { participantSearchText } from "@/lib/participants/names";
import { findDuplicates, listDuplicatePairs } from "@/lib/participants/duplicates";
import { listParticipants, nameKeyRows } from "@/lib/participants/service";
import { toSearchText } from "@/lib/search-text";
import { institutionKinds, institutionSectors } from "@/db/schema/values";

const institutionCount = Number(process.env.BENCH_INSTITUTIONS ?? 2_000);
const participantCount = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
const samples = Number(process.env.BENCH_SAMPLES ?? 200);
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const givenNames = "María José Ana Carlos Luis Juan Rosa Carmen Jorge Pedro Lucía Sofía Daniel Andrea Miguel Elena Marta Óscar Héctor Karla Wilmer Dania Reina Iris Marco Nelson Ericka Sandra Gloria Francisco Tomás Xiomara Rafael Kenia Denis Marlen Walter Yessica Ramón Ingrid Mauricio Emilia Gabriela Fernando Patricia Alejandra Ricardo Roberto Mario Julio César Diana Paola Víctor Raúl Alba Silvia Mercedes Teresa Isabel Antonio Manuel Francisca Guadalupe Esperanza Dolores Pilar Inés Noemí Ruth Saúl Ismael Efraín Édgar Erick Kevin Brenda Wendy Heidy Nohemí Lourdes Marisol Claudia Leticia Beatriz Adriana Lorena Mayra Ligia Maritza Suyapa Jessica Fabiola Arely Keila Yolanda".split(" ");
const familyNames = "Hernández López Martínez García Rodríguez Pérez Sánchez Ramírez Flores Cruz Gómez Mejía Reyes Castro Zelaya Rivera Paz Aguilar Banegas Ordóñez Cálix Funez Maradiaga Andino Matute Sierra Bustillo Amaya Euceda Salgado Turcios Pineda Lagos Valladares Galeas Irías Colindres Suazo Molina Matamoros Bonilla Osorto Chinchilla Padilla Espinal Fiallos Zúniga Ávila Zepeda Díaz Vásquez Romero Torres Ramos Morales Ortiz Gutiérrez Chávez Mendoza Ruiz Álvarez Castillo Jiménez Moreno Herrera Medina Vargas Guzmán Rojas Núñez Cortés Figueroa Soto Contreras Campos Vega Fuentes Carrasco Sandoval Espinoza Orellana Escobar Cáceres Velásquez Cerrato Lobo Midence Discua Alvarado Barahona Carías Ferrera Guardado Interiano Laínez Membreño Montoya Nájera Oyuela Posadas Quezada Rosales Tábora Urbina Varela Zavala".split(" ");

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

async function measure(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  console.log(`${label.padEnd(52)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   (${samples} requests)`);
  return percentile(times, 95);
}

const name = `atelier_bench_${crypto.randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = openPostgres(url.toString(), { max: 4 });
try {
  await database.migrate();
  const db = database.db;
  console.log(`Seeding ${institutionCount} institutions and ${participantCount} participants…`);
  const seedStart = performance.now();
  const [project] = await db.insert(projects).values({ code: "BENCH", name: "Bench", country: "HN", startDate: "2020-01-01", endDate: "2025-12-31", status: "active" }).returning();
  const [adminUser] = await db.insert(users).values({ email: "bench-admin@example.org", name: "Bench", isAdmin: true }).returning();
  const institutionIds: string[] = [];
  for (let i = 0; i < institutionCount; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, institutionCount - i) }, (_, j) => {
      const n = i + j;
      const nameText = `${pick(["Secretaría de", "Dirección de", "Asociación", "Fundación", "Unidad de", "Juzgado de", "Fiscalía de", "Comité de"])} ${pick(familyNames)} ${pick(familyNames)} ${n}`;
      const acronym = `I${n}`;
      return { name: nameText, acronym, country: "HN", sector: pick([...institutionSectors]), kind: pick([...institutionKinds]), level: "national" as const, searchText: toSearchText(nameText, acronym) };
    });
    institutionIds.push(...(await db.insert(institutions).values(batch).returning({ id: institutions.id })).map((r) => r.id));
  }
  for (let i = 0; i < participantCount; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, participantCount - i) }, () => {
      const given = Math.random() < 0.4 ? `${pick(givenNames)} ${pick(givenNames)}` : pick(givenNames);
      const family = Math.random() < 0.7 ? `${pick(familyNames)} ${pick(familyNames)}` : pick(familyNames);
      return { id: crypto.randomUUID(), givenNames: given, familyNames: family, sex: pick(["woman", "man"] as const), institutionId: pick(institutionIds), searchText: participantSearchText(given, family) };
    });
    await db.insert(participants).values(rows);
    await db.insert(participantProjects).values(rows.map((r) => ({ participantId: r.id, projectId: project!.id })));
    await db.insert(participantNameKeys).values(rows.flatMap((r) => nameKeyRows(r)));
  }
  // A directory that grew over months has been vacuumed by autovacuum; a freshly loaded one has not.
  await database.db.execute(sql`vacuum analyze`);
  console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);

  // An admin searches the whole directory; a manager goes through the project-visibility check,
  // which here covers every participant (the worst case for that check).
  const [managerUser] = await db.insert(users).values({ email: "bench-manager@example.org", name: "Bench manager" }).returning();
  await db.insert(projectMembers).values({ projectId: project!.id, userId: managerUser!.id, role: "manager" });
  const fragment = () => toSearchText(pick(familyNames)).slice(0, 5);
  const figures: number[] = [];
  const queueSeconds: number[] = [];
  for (const [viewer, user] of [["admin", adminUser!], ["manager", managerUser!]] as const) {
    const ctx = { db, user: toSessionUser(user) };
    console.log(`As ${viewer}:`);
    figures.push(
      await measure("  Institution search (accent-free, 20 per page)", () => listInstitutions(ctx, { q: fragment() })),
      await measure("  Participant search (accent-free, 20 per page)", () => listParticipants(ctx, { q: `${toSearchText(pick(givenNames))} ${fragment()}` })),
      await measure("  Duplicate suggestions for a new person", () =>
        findDuplicates(ctx, { givenNames: pick(givenNames), familyNames: `${pick(familyNames)} ${pick(familyNames)}`, sex: "woman" }),
      ),
    );
    const queueStart = performance.now();
    const queue = await listDuplicatePairs(ctx, { page: 1, pageSize: 20 });
    queueSeconds.push((performance.now() - queueStart) / 1000);
    if (!queue.ok) throw new Error(queue.error);
    console.log(`${"  Duplicates queue, whole directory (first page)".padEnd(52)} ${queueSeconds.at(-1)!.toFixed(2)} s   (${queue.data.total} likely pairs)`);
  }
  console.log("\nTargets: search and suggestions p95 < 50 ms; queue < 5 s.");
  const met = figures.every((p95) => p95 < 50) && queueSeconds.every((s) => s < 5);
  console.log(met ? "All targets met." : "Some targets NOT met.");
} finally {
  await database.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
