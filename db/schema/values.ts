// Plain value lists shared by the schema, the zod schemas and client components (no driver code here).
export const locales = ["fr", "es", "en"] as const;
export const projectStatuses = ["planned", "active", "closed"] as const;
export const projectRoles = ["manager", "field", "partner"] as const;

export type Locale = (typeof locales)[number];

/** Text written in one or more of the app's languages; `original` says which came first. */
export type Narrative = { original: Locale } & Partial<Record<Locale, string>>;
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
/** How someone attended a day: each counts as attended; an excused absence is kept apart (attendance_excuses). */
export const attendanceStatuses = ["present", "late", "left_early"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export type MissionStatus = (typeof missionStatuses)[number];
export type WorkshopType = (typeof workshopTypes)[number];
export type WorkshopStatus = (typeof workshopStatuses)[number];

export const studyStatuses = ["planning", "collecting", "analysing", "in_review", "validated", "published"] as const;
export const sourceKinds = ["workshop", "interview", "document"] as const;
/** The "4P" frame of anti-trafficking work and the two themes usually beside it; projects may add their own. */
export const findingThemes = ["prevention", "protection", "prosecution", "partnership", "legal_framework", "data"] as const;
export const findingPriorities = ["high", "medium", "low"] as const;
export const findingStatuses = ["draft", "in_review", "validated", "set_aside"] as const;
/** How an institution stands behind a finding: it reported it, or the finding concerns it. */
export const evidenceRoles = ["reported", "concerned"] as const;

export type StudyStatus = (typeof studyStatuses)[number];
export type SourceKind = (typeof sourceKinds)[number];
export type FindingTheme = (typeof findingThemes)[number];
export type FindingPriority = (typeof findingPriorities)[number];
export type FindingStatus = (typeof findingStatuses)[number];
export type EvidenceRole = (typeof evidenceRoles)[number];

export const actionStatuses = ["proposed", "planned", "under_way", "done", "dropped"] as const;
export const reviewAnswers = ["agree", "disagree", "needs_change"] as const;

export type ActionStatus = (typeof actionStatuses)[number];
export type ReviewAnswer = (typeof reviewAnswers)[number];

/** Agreement scales of evaluations: 4 levels (no middle) or 5. Level 1 is the strongest disagreement. */
export const scaleSizes = [4, 5] as const;
export type ScaleSize = (typeof scaleSizes)[number];

/** The levels of a results chain (GAC's logic model), from the project's ultimate outcome down to its outputs. */
export const resultLevels = ["ultimate", "intermediate", "immediate", "output"] as const;
export type ResultLevel = (typeof resultLevels)[number];

/** How an indicator of the performance measurement framework is counted, and how often it is reported. */
export const indicatorUnits = ["number", "percentage", "score", "yes_no"] as const;
export const indicatorFrequencies = ["quarterly", "semiannual", "annual", "end_of_project"] as const;
/** What an indicator's figures are broken down by; each comes from the records themselves. */
export const disaggregations = ["sex", "sector", "institution_kind", "country"] as const;
/** A reported value waits for a manager, who approves it (then it counts) or sends it back with a comment. */
export const reportedValueStatuses = ["submitted", "approved", "sent_back"] as const;
export type ReportedValueStatus = (typeof reportedValueStatuses)[number];
export type IndicatorUnit = (typeof indicatorUnits)[number];
export type IndicatorFrequency = (typeof indicatorFrequencies)[number];
export type Disaggregation = (typeof disaggregations)[number];

/** The kinds of mail a user may turn off on their account page; the others (their account's own safety) always go. */
export const optionalMailKinds = ["review_opened", "review_answered"] as const;
export type OptionalMailKind = (typeof optionalMailKinds)[number];
