import crypto from "node:crypto";
import type { Db } from "@/db/client";
import { institutions, participantProjects, participants, workshops } from "@/db/schema";
import type { InstitutionSector, ParticipantSex } from "@/db/schema/values";
import type { CreateWorkshopInput } from "@/lib/workshops/schemas";
import { participantSearchText } from "@/lib/participants/names";
import { toSearchText } from "@/lib/search-text";

/** A valid workshop form: two days in June 2019, in Spanish. */
export const workshopForm = (projectId: string, overrides: Partial<CreateWorkshopInput> = {}): CreateWorkshopInput => ({
  projectId,
  title: "Taller de línea de base",
  type: "baseline",
  city: "Tegucigalpa",
  venue: "Hotel Real",
  startDate: "2019-06-18",
  endDate: "2019-06-19",
  language: "es",
  ...overrides,
});

export async function insertWorkshop(db: Db, projectId: string, overrides: Partial<typeof workshops.$inferInsert> = {}) {
  const [row] = await db
    .insert(workshops)
    .values({ projectId, title: "Taller", type: "baseline", startDate: "2019-06-18", endDate: "2019-06-19", language: "es", ...overrides })
    .returning();
  return row!;
}

export async function insertInstitution(db: Db, name: string, sector: InstitutionSector = "state") {
  const [row] = await db
    .insert(institutions)
    .values({ name, country: "HN", sector, kind: sector === "state" ? "ministry" : "ngo", level: "national", searchText: toSearchText(name) })
    .returning();
  return row!;
}

/** A person known to `projectId` (so its staff may see and check them in). */
export async function insertPerson(db: Db, projectId: string, givenNames: string, familyNames: string, sex: ParticipantSex, institutionId: string | null = null) {
  const [row] = await db
    .insert(participants)
    .values({ givenNames, familyNames, sex, institutionId, searchText: participantSearchText(givenNames, familyNames) })
    .returning();
  await db.insert(participantProjects).values({ participantId: row!.id, projectId });
  return row!;
}

/** One check-in item as a device sends it. */
export const checkInItem = (participantId: string, day: string, action: "check_in" | "undo" = "check_in") => ({ id: crypto.randomUUID(), participantId, day, action });
