import { locales } from "@/lib/i18n/config";
import { catalogues } from "@/lib/i18n/messages";
import { toSearchText } from "@/lib/search-text";
import type { AttendanceImportField, ColumnMapping, InstitutionImportField } from "./fields";

// Headers as people write them on sign-in sheets and survey exports, in the three languages.
const synonyms: Record<AttendanceImportField | InstitutionImportField, string[]> = {
  day: ["day", "date", "jour", "dia", "fecha", "fecha de asistencia", "date de presence"],
  givenNames: ["given name", "given names", "first name", "first names", "prenom", "prenoms", "nombre", "nombres"],
  familyNames: ["family name", "family names", "last name", "surname", "nom de famille", "apellido", "apellidos"],
  sex: ["sex", "gender", "sexe", "genre", "sexo", "genero"],
  institution: ["institution", "organisation", "organization", "institucion", "organizacion", "entidad", "structure"],
  position: ["position", "job title", "title", "fonction", "poste", "cargo", "puesto"],
  email: ["email", "e mail", "mail", "courriel", "adresse courriel", "correo", "correo electronico"],
  phone: ["phone", "telephone", "tel", "telefono", "celular", "movil", "portable"],
  consentDate: ["consent date", "date du consentement", "date de consentement", "fecha del consentimiento", "fecha de consentimiento"],
  consentForm: ["consent", "consent form", "consentement", "forme du consentement", "consentimiento", "forma del consentimiento"],
  name: ["name", "nom", "nombre", "institution", "institucion", "organisation", "organizacion"],
  acronym: ["acronym", "sigle", "sigla", "siglas", "acronimo"],
  country: ["country", "pays", "pais"],
  sector: ["sector", "secteur"],
  kind: ["kind", "type", "tipo"],
  level: ["level", "niveau", "nivel"],
  city: ["city", "ville", "ciudad", "municipio"],
  website: ["website", "web site", "site web", "sitio web", "web"],
  notes: ["notes", "remarques", "notas", "observaciones", "comments"],
};

export function normaliseHeader(header: string): string {
  // KoboToolbox joins groups with "/": the last segment is the question itself.
  const last = header.split("/").pop() ?? header;
  return toSearchText(last.replace(/[_\-.:()]/g, " "));
}

// The app's own field labels in every language, so Atelier's exports import back without mapping.
const ownLabels = (field: string) => locales.map((locale) => normaliseHeader((catalogues[locale].imports.fields as Record<string, string>)[field] ?? "")).filter(Boolean);

/**
 * The mapping a person would most likely choose; the import screen lets them change it. Headers
 * someone mapped before (`remembered`: normalised header → field) come first, then the built-in names.
 */
export function guessMapping<F extends string>(headers: string[], fields: readonly F[], remembered: ReadonlyMap<string, string> = new Map()): ColumnMapping<F> {
  const normalised = headers.map(normaliseHeader);
  const mapping: ColumnMapping<F> = Object.fromEntries(fields.map((f) => [f, null])) as ColumnMapping<F>;
  const taken = new Set<number>();
  normalised.forEach((header, index) => {
    const field = remembered.get(header) as F | undefined;
    if (field === undefined || !fields.includes(field) || mapping[field] !== null) return;
    mapping[field] = index;
    taken.add(index);
  });
  for (const field of fields) {
    if (mapping[field] !== null) continue;
    const names = [...(synonyms[field as keyof typeof synonyms] ?? []), ...ownLabels(field)];
    const index = normalised.findIndex((h, i) => !taken.has(i) && names.includes(h));
    mapping[field] = index >= 0 ? index : null;
    if (index >= 0) taken.add(index);
  }
  return mapping;
}
