// The columns each import takes, apart from the header matching in mapping.ts: the import screens
// name them in the browser, and mapping.ts reads every language's catalogue, which they must not load.
export const participantImportFields = ["givenNames", "familyNames", "sex", "institution", "position", "email", "phone", "consentDate", "consentForm"] as const;
/** A filled sign-in sheet: the person, and the day when the sheet covers several. */
export const attendanceImportFields = [...participantImportFields, "day"] as const;
export const institutionImportFields = ["name", "acronym", "country", "sector", "kind", "level", "city", "website", "notes"] as const;

export type ParticipantImportField = (typeof participantImportFields)[number];
export type InstitutionImportField = (typeof institutionImportFields)[number];
export type AttendanceImportField = (typeof attendanceImportFields)[number];
/** For each field, the index of the column that holds it, or null when the file has none. */
export type ColumnMapping<F extends string> = Partial<Record<F, number | null>>;
