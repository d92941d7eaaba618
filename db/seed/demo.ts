import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { appSettings, projectMembers, projects, users, type Locale, type ProjectRole } from "../schema";
import { hashPassword } from "@/lib/auth/password";
import { seedCertificates } from "./certificates";
import { seedQuestionnaires } from "./questionnaires";
import { seedDirectory } from "./directory";
import { seedParticipants } from "./participants";
import { seedEvaluations } from "./evaluations";
import { seedLogicModels, seedResultLinks } from "./logic-model";
import { seedIndicators } from "./indicators";
import { seedStudy } from "./study";
import { seedWorkshops } from "./workshops";

export const demoPassword = "atelier-demo-2026";

type DemoAccount = {
  email: string;
  name: string;
  locale: Locale;
  isAdmin: boolean;
  roles: { projectCode: string; role: ProjectRole }[];
};

export const demoProjectCodes = { costaRica: "CR-PARCLC-2015", honduras: "HN-PARCLC-2019" } as const;

export const demoAccounts: DemoAccount[] = [
  { email: "admin@example.org", name: "Claire Dubois", locale: "en", isAdmin: true, roles: [] },
  {
    email: "manager@example.org",
    name: "Mariela Rodríguez",
    locale: "fr",
    isAdmin: false,
    roles: [
      { projectCode: demoProjectCodes.costaRica, role: "manager" },
      { projectCode: demoProjectCodes.honduras, role: "manager" },
    ],
  },
  {
    email: "field@example.org",
    name: "Carlos Mejía",
    locale: "es",
    isAdmin: false,
    roles: [{ projectCode: demoProjectCodes.honduras, role: "field" }],
  },
  {
    email: "partner@example.org",
    name: "Sofía Hernández",
    locale: "es",
    isAdmin: false,
    roles: [{ projectCode: demoProjectCodes.honduras, role: "partner" }],
  },
];

const funder = "Government of Canada — Anti-Crime Capacity Building Program (ACCBP / PARCLC)";

const demoProjects = [
  {
    code: demoProjectCodes.costaRica,
    name: {
      original: "fr" as const,
      fr: "Renforcer les acteurs du changement contre la traite des personnes — Costa Rica",
      es: "Fortalecer a los actores del cambio contra la trata de personas — Costa Rica",
      en: "Strengthening actors of change against human trafficking — Costa Rica",
    },
    country: "CR",
    startDate: "2015-04-01",
    endDate: "2018-03-31",
    funder,
    status: "closed" as const,
    description: {
      original: "fr" as const,
      fr: "Renforcer les acteurs étatiques dans la lutte contre la traite des personnes, en particulier la traite des enfants à des fins d'exploitation sexuelle commerciale, avec la coalition nationale CONATT.",
      es: "Fortalecer a los actores estatales en la lucha contra la trata de personas, en particular la trata de niños, niñas y adolescentes con fines de explotación sexual comercial, con la coalición nacional CONATT.",
      en: "Strengthen state actors in the fight against human trafficking, in particular the trafficking of children for commercial sexual exploitation, with the national coalition CONATT.",
    },
  },
  {
    code: demoProjectCodes.honduras,
    name: {
      original: "fr" as const,
      fr: "Renforcer les acteurs du changement contre la traite des personnes — Honduras",
      es: "Fortalecer a los actores del cambio contra la trata de personas — Honduras",
      en: "Strengthening actors of change against human trafficking — Honduras",
    },
    country: "HN",
    startDate: "2019-04-01",
    endDate: "2022-09-30",
    funder,
    status: "closed" as const,
    description: {
      original: "fr" as const,
      fr: "Améliorer la réponse des autorités honduriennes à la traite des personnes, dans les institutions et dans les communautés, en renforçant le système mené par la CICESCT et ses membres, au niveau national et par les comités locaux.",
      es: "Mejorar la respuesta de las autoridades hondureñas a la trata de personas, en las instituciones y en las comunidades, fortaleciendo el sistema que lidera la CICESCT y sus miembros, a nivel nacional y a través de los comités locales.",
      en: "Improve the response of Honduran authorities to human trafficking, institutionally and in communities, by strengthening the system led by the CICESCT and its members, nationally and through local committees.",
    },
  },
];

/** Raise it when the demo data grows: a database seeded with an older version gets the new parts. */
export const demoSeedVersion = 13;

/**
 * Loads the demo projects and one account per role, once: a database already seeded at this version
 * is left alone, so what people changed or removed since stays as they left it.
 */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [seeded] = await tx.select().from(appSettings).where(eq(appSettings.key, "demoData"));
    if (typeof seeded?.value === "number" && seeded.value >= demoSeedVersion) return;
    for (const project of demoProjects) {
      await tx.insert(projects).values(project).onConflictDoNothing({ target: projects.code });
    }
    const passwordHash = await hashPassword(demoPassword);
    for (const account of demoAccounts) {
      await tx
        .insert(users)
        .values({ email: account.email, name: account.name, locale: account.locale, isAdmin: account.isAdmin, passwordHash })
        .onConflictDoNothing({ target: users.email });
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email));
      for (const { projectCode, role } of account.roles) {
        const [project] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.code, projectCode));
        await tx.insert(projectMembers).values({ projectId: project!.id, userId: user!.id, role }).onConflictDoNothing();
      }
    }
    await seedDirectory(tx);
    const [honduras] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
    await seedParticipants(tx, honduras!.id);
    const [costaRica] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.costaRica));
    await seedWorkshops(tx, { honduras: honduras!.id, costaRica: costaRica!.id });
    await seedStudy(tx, honduras!.id);
    await seedEvaluations(tx, { honduras: honduras!.id, costaRica: costaRica!.id });
    await seedLogicModels(tx, { honduras: honduras!.id, costaRica: costaRica!.id });
    await seedResultLinks(tx, { honduras: honduras!.id, costaRica: costaRica!.id });
    await seedIndicators(tx, { honduras: honduras!.id, costaRica: costaRica!.id });
    await seedCertificates(tx, honduras!.id);
    await seedQuestionnaires(tx, honduras!.id);
    await tx
      .insert(appSettings)
      .values({ key: "demoData", value: demoSeedVersion })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: demoSeedVersion } });
  });
}

export function describeDemoAccounts(): string {
  const lines = demoAccounts.map((a) => {
    const role = a.isAdmin ? "admin" : a.roles.map((r) => `${r.role} (${r.projectCode})`).join(", ");
    return `  ${a.email.padEnd(22)} ${role}`;
  });
  return [`Demo accounts (password for all: ${demoPassword}):`, ...lines].join("\n");
}

/** Where the demo's mail goes: without SMTP_URL it stays in the database, for the administrator to read. */
export function describeDemoMail(): string {
  return process.env.SMTP_URL
    ? "Mail goes out through SMTP_URL; every message is also listed under /admin/mail."
    : "No mail server (SMTP_URL) is set: invitations and password links are kept, readable by admin@example.org at /admin/mail (Outgoing mail).";
}
