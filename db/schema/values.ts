// Plain value lists shared by the schema, the zod schemas and client components (no driver code here).
export const locales = ["fr", "es", "en"] as const;
export const projectStatuses = ["planned", "active", "closed"] as const;
export const projectRoles = ["manager", "field", "partner"] as const;

export type Locale = (typeof locales)[number];
export type ProjectStatus = (typeof projectStatuses)[number];
export type ProjectRole = (typeof projectRoles)[number];
