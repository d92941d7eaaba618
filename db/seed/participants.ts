import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { institutions, participantAffiliations, participantNameKeys, participantProjects, participants, type ParticipantSex } from "../schema";
import { participantSearchText } from "@/lib/participants/names";
import { nameKeyRows } from "@/lib/participants/name-keys";

type DemoPerson = [givenNames: string, familyNames: string, sex: ParticipantSex, institution: string, position: string];

// Invented people at the June 2019 baseline workshop in Tegucigalpa, including a few spellings
// of the same person as paper sign-in sheets produce them, so the duplicates queue has work.
const hondurasPeople: DemoPerson[] = [
  ["José Luis", "Martínez", "man", "Policía Nacional de Honduras", "Subcomisario"],
  ["Jose L.", "Martinez Lopez", "man", "Policía Nacional de Honduras", "Subcomisario"],
  ["María Fernanda", "López", "woman", "Secretaría de Salud", "Psicóloga"],
  ["Maria Fernanda", "Lopes", "woman", "Secretaría de Salud", "Psicóloga"],
  ["Ana Gabriela", "Hernández Castro", "woman", "Poder Judicial de Honduras", "Jueza de letras"],
  ["Ana G.", "Hernandez", "woman", "Poder Judicial de Honduras", "Jueza"],
  ["Karla Patricia", "Zelaya", "woman", "Ministerio Público de Honduras", "Fiscal especial"],
  ["Óscar Armando", "Rivera Paz", "man", "Ministerio Público de Honduras", "Fiscal"],
  ["Lourdes", "Mejía Aguilar", "woman", "Secretaría de Trabajo y Seguridad Social", "Inspectora de trabajo"],
  ["Héctor", "Banegas", "man", "Secretaría de Trabajo y Seguridad Social", "Director regional"],
  ["Dania Marisol", "Ordóñez", "woman", "Secretaría de Educación", "Orientadora"],
  ["Wilmer", "Cálix Funez", "man", "Secretaría de Educación", "Técnico de currículo"],
  ["Sandra", "Maradiaga", "woman", "Secretaría de Salud", "Enfermera jefa"],
  ["Luis Fernando", "Andino", "man", "Unidad contra la Trata de Personas de la Policía Nacional", "Agente investigador"],
  ["Gloria Esperanza", "Reyes Matute", "woman", "Unidad contra la Trata de Personas de la Policía Nacional", "Oficial de enlace"],
  ["Marco Tulio", "Sierra", "man", "Cámara Nacional de Turismo de Honduras", "Gerente de responsabilidad social"],
  ["Iris Yolanda", "Bustillo", "woman", "Cámara Nacional de Turismo de Honduras", "Asesora legal"],
  ["Reina", "Amaya de Flores", "woman", "Asociación Calidad de Vida", "Directora ejecutiva"],
  ["Claudia", "Euceda", "woman", "Asociación Calidad de Vida", "Trabajadora social"],
  ["Rosa Elvira", "Cruz", "woman", "Asociación Calidad de Vida", "Psicóloga"],
  ["Francisco", "Salgado", "man", "Poder Judicial de Honduras", "Defensor público"],
  ["Nelson", "Turcios", "man", "Policía Nacional de Honduras", "Inspector"],
  ["Ericka", "Pineda Lagos", "woman", "Ministerio Público de Honduras", "Analista"],
  ["Jorge Alberto", "Valladares", "man", "Secretaría de Trabajo y Seguridad Social", "Abogado"],
  ["Sonia", "Galeas", "woman", "Secretaría de Salud", "Médica forense"],
  ["Tomás", "Irías", "man", "Secretaría de Educación", "Supervisor departamental"],
  ["Xiomara", "Colindres", "woman", "Poder Judicial de Honduras", "Secretaria de juzgado"],
  ["Rafael", "Suazo Molina", "man", "Unidad contra la Trata de Personas de la Policía Nacional", "Jefe de sección"],
  ["Kenia", "Matamoros", "woman", "Cámara Nacional de Turismo de Honduras", "Coordinadora de capacitación"],
  ["Denis", "Bonilla", "man", "Asociación Calidad de Vida", "Educador comunitario"],
  ["Marlen", "Osorto", "woman", "Ministerio Público de Honduras", "Médica del Ministerio Público"],
  ["Walter", "Chinchilla", "man", "Policía Nacional de Honduras", "Agente de fronteras"],
  ["Yessica", "Padilla", "woman", "Secretaría de Trabajo y Seguridad Social", "Inspectora"],
  ["Ramón", "Espinal", "man", "Secretaría de Salud", "Epidemiólogo"],
  ["Ingrid", "Fiallos", "woman", "Secretaría de Educación", "Docente"],
  ["Mauricio", "Aguilar", "man", "Poder Judicial de Honduras", "Juez de ejecución"],
  ["Emilia", "Zúniga", "other", "Asociación Calidad de Vida", "Voluntaria"],
  ["Suyapa", "Midence", "woman", "Ministerio Público de Honduras", "Asistente de fiscal"],
];

// The second spellings above, as a later sign-in sheet wrote them: the same people, not new attendees.
const otherSpellings = new Set(["Jose L. Martinez Lopez", "Maria Fernanda Lopes", "Ana G. Hernandez"]);

/** The 35 distinct people of the June 2019 workshop, as "given family" names. */
export const tegucigalpaAttendees = hondurasPeople.map(([given, family]) => `${given} ${family}`).filter((name) => !otherSpellings.has(name));

/** Adds the demo participants of the Honduras project that are not there yet (matched by full name). */
export async function seedParticipants(tx: Db, projectId: string): Promise<void> {
  for (const [givenNames, familyNames, sex, institutionName, position] of hondurasPeople) {
    const searchText = participantSearchText(givenNames, familyNames);
    const [existing] = await tx.select({ id: participants.id }).from(participants).where(eq(participants.searchText, searchText));
    if (existing) continue;
    const [institution] = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(and(eq(institutions.name, institutionName), eq(institutions.country, "HN")));
    const [person] = await tx
      .insert(participants)
      .values({ givenNames, familyNames, sex, institutionId: institution!.id, position, consentDate: "2019-06-18", consentForm: "written", searchText })
      .returning({ id: participants.id });
    await tx.insert(participantProjects).values({ participantId: person!.id, projectId });
    await tx.insert(participantAffiliations).values({ participantId: person!.id, institutionId: institution!.id, position, startDate: "2019-06-18" });
    await tx.insert(participantNameKeys).values(nameKeyRows({ id: person!.id, givenNames, familyNames, sex, institutionId: institution!.id }));
  }
}
