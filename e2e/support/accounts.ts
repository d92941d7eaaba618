import type { Locale } from "./messages";

export const demoPassword = "atelier-demo-2026";

export const demo = {
  admin: { email: "admin@example.org", locale: "en" as Locale, projects: null },
  manager: { email: "manager@example.org", locale: "fr" as Locale, projects: 2 },
  field: { email: "field@example.org", locale: "es" as Locale, projects: 1 },
  partner: { email: "partner@example.org", locale: "es" as Locale, projects: 1 },
};

export type DemoRole = keyof typeof demo;

export const storageStateFor = (role: DemoRole) => `e2e/.auth/${role}.json`;
