import { and, eq } from "drizzle-orm";
import { toSearchText } from "@/lib/search-text";
import type { Db } from "../client";
import { bodyMemberships, coordinationBodies, institutions, type InstitutionKind, type InstitutionSector } from "../schema";

type DemoInstitution = {
  name: string;
  acronym?: string;
  country: "HN" | "CR";
  sector: InstitutionSector;
  kind: InstitutionKind;
  parent?: string;
  city?: string;
  notes?: string;
};

// The institutions named in the two project texts (../shared/seeds).
const demoInstitutions: DemoInstitution[] = [
  { name: "Policía Nacional de Honduras", acronym: "PNH", country: "HN", sector: "state", kind: "police_unit", city: "Tegucigalpa" },
  {
    name: "Unidad contra la Trata de Personas de la Policía Nacional",
    country: "HN",
    sector: "state",
    kind: "police_unit",
    parent: "Policía Nacional de Honduras",
    city: "Tegucigalpa",
  },
  { name: "Poder Judicial de Honduras", acronym: "PJ", country: "HN", sector: "state", kind: "judiciary", city: "Tegucigalpa" },
  { name: "Ministerio Público de Honduras", acronym: "MP", country: "HN", sector: "state", kind: "prosecutor_office", city: "Tegucigalpa" },
  { name: "Secretaría de Trabajo y Seguridad Social", acronym: "STSS", country: "HN", sector: "state", kind: "ministry", city: "Tegucigalpa" },
  { name: "Secretaría de Salud", acronym: "SESAL", country: "HN", sector: "state", kind: "ministry", city: "Tegucigalpa" },
  { name: "Secretaría de Educación", acronym: "SEDUC", country: "HN", sector: "state", kind: "ministry", city: "Tegucigalpa" },
  {
    name: "Cámara Nacional de Turismo de Honduras",
    acronym: "CANATURH",
    country: "HN",
    sector: "civil_society",
    kind: "business_association",
    city: "Tegucigalpa",
    notes: "Spelled CANATHURS in the June 2019 workshop report.",
  },
  { name: "Asociación Calidad de Vida", country: "HN", sector: "civil_society", kind: "ngo", city: "Tegucigalpa" },
  // Invited to the June 2019 workshop but absent, so the report has an absent institution to show.
  { name: "Instituto Nacional de Migración", acronym: "INM", country: "HN", sector: "state", kind: "government_agency", city: "Tegucigalpa" },
  { name: "Fuerza Pública de Costa Rica", country: "CR", sector: "state", kind: "police_unit", city: "San José" },
  { name: "Poder Judicial de Costa Rica", country: "CR", sector: "state", kind: "judiciary", city: "San José" },
  { name: "Ministerio Público de Costa Rica", country: "CR", sector: "state", kind: "prosecutor_office", city: "San José" },
  { name: "Patronato Nacional de la Infancia", acronym: "PANI", country: "CR", sector: "state", kind: "government_agency", city: "San José" },
];

const demoBodies = [
  {
    name: "Comisión Interinstitucional contra la Explotación Sexual Comercial y Trata de Personas",
    acronym: "CICESCT",
    country: "HN",
    description: "Leads Honduras' response to trafficking, nationally and through local committees.",
    members: ["Secretaría de Trabajo y Seguridad Social", "Ministerio Público de Honduras", "Poder Judicial de Honduras", "Policía Nacional de Honduras"],
    since: "2019-04-01",
  },
  {
    name: "Coalición Nacional contra el Tráfico Ilícito de Migrantes y la Trata de Personas",
    acronym: "CONATT",
    country: "CR",
    description: "Costa Rica's national coalition against migrant smuggling and human trafficking.",
    members: ["Fuerza Pública de Costa Rica", "Poder Judicial de Costa Rica", "Ministerio Público de Costa Rica", "Patronato Nacional de la Infancia"],
    since: "2015-04-01",
  },
];

/** Adds the demo institutions and coordination bodies that are not there yet (matched by name and country). */
export async function seedDirectory(tx: Db): Promise<void> {
  const ids = new Map<string, string>();
  for (const demo of demoInstitutions) {
    const [existing] = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(and(eq(institutions.name, demo.name), eq(institutions.country, demo.country)));
    const [row] = existing
      ? [existing]
      : await tx
          .insert(institutions)
          .values({
            name: demo.name,
            acronym: demo.acronym ?? "",
            country: demo.country,
            sector: demo.sector,
            kind: demo.kind,
            level: "national",
            parentId: demo.parent ? ids.get(demo.parent) : null,
            city: demo.city ?? "",
            notes: demo.notes ?? "",
            searchText: toSearchText(demo.name, demo.acronym),
          })
          .returning({ id: institutions.id });
    ids.set(demo.name, row!.id);
  }
  for (const demo of demoBodies) {
    const [existing] = await tx.select({ id: coordinationBodies.id }).from(coordinationBodies).where(eq(coordinationBodies.acronym, demo.acronym));
    if (existing) continue;
    const [body] = await tx
      .insert(coordinationBodies)
      .values({ name: demo.name, acronym: demo.acronym, country: demo.country, description: demo.description })
      .returning({ id: coordinationBodies.id });
    await tx.insert(bodyMemberships).values(demo.members.map((name) => ({ bodyId: body!.id, institutionId: ids.get(name)!, startDate: demo.since })));
  }
}
