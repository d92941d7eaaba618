// Plain value lists shared by the schema, the zod schemas and client components (no driver code here).
export const locales = ["fr", "es", "en"] as const;
export const projectStatuses = ["planned", "active", "closed"] as const;
export const projectRoles = ["manager", "field", "partner"] as const;

export type Locale = (typeof locales)[number];
export type ProjectStatus = (typeof projectStatuses)[number];
export type ProjectRole = (typeof projectRoles)[number];

export const institutionSectors = ["state", "civil_society", "private_sector", "international", "academic"] as const;
export const institutionKinds = [
  "police_unit",
  "prosecutor_office",
  "judiciary",
  "ministry",
  "government_agency",
  "ngo",
  "community_organisation",
  "business_association",
  "international_agency",
  "university",
  "other",
] as const;
export const institutionLevels = ["national", "regional", "local"] as const;

export type InstitutionSector = (typeof institutionSectors)[number];
export type InstitutionKind = (typeof institutionKinds)[number];
export type InstitutionLevel = (typeof institutionLevels)[number];

export const participantSexes = ["woman", "man", "other", "not_stated"] as const;
export const consentForms = ["written", "verbal", "online"] as const;

export type ParticipantSex = (typeof participantSexes)[number];
export type ConsentForm = (typeof consentForms)[number];

export const missionStatuses = ["planned", "under_way", "done", "cancelled"] as const;
export const workshopTypes = ["baseline", "training", "validation", "evaluation", "coordination"] as const;
export const workshopStatuses = ["planned", "held", "cancelled"] as const;

export type MissionStatus = (typeof missionStatuses)[number];
export type WorkshopType = (typeof workshopTypes)[number];
export type WorkshopStatus = (typeof workshopStatuses)[number];
