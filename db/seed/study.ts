import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import {
  actionFindings,
  actionInstitutions,
  actionUpdates,
  findingInstitutions,
  findings,
  findingSources,
  findingWorkshops,
  improvementActions,
  institutions,
  reviewAnswersTable,
  reviewComments,
  reviewRoundFindings,
  reviewRoundPartners,
  reviewRounds,
  studies,
  studySources,
  users,
  workshops,
  type Narrative,
} from "../schema";
import type { ActionStatus, FindingPriority, FindingStatus, FindingTheme, ReviewAnswer } from "../schema/values";
import { tegucigalpaWorkshopTitle } from "./workshops";

export const hondurasStudyTitle = "Estudio de línea de base — Honduras 2019";

// Short names of the directory's institutions, for the evidence below (the CICESCT itself is a
// coordination body, not an institution: its members stand for it).
const names = {
  labour: "Secretaría de Trabajo y Seguridad Social",
  prosecutor: "Ministerio Público de Honduras",
  police: "Policía Nacional de Honduras",
  utp: "Unidad contra la Trata de Personas de la Policía Nacional",
  judiciary: "Poder Judicial de Honduras",
  health: "Secretaría de Salud",
  education: "Secretaría de Educación",
  migration: "Instituto Nacional de Migración",
  tourism: "Cámara Nacional de Turismo de Honduras",
  ngo: "Asociación Calidad de Vida",
} as const;
type Key = keyof typeof names;

type DemoFinding = {
  theme: FindingTheme;
  priority: FindingPriority;
  status: FindingStatus;
  title: Narrative;
  description: Narrative;
  days: ("2019-06-18" | "2019-06-19")[];
  reported: Key[];
  concerned: Key[];
  /** The demo partner's answer in the review round, if the finding was put to it. */
  review?: ReviewAnswer;
};

const es = (title: string, description: string, translations: { fr?: [string, string]; en?: [string, string] } = {}) => ({
  title: { original: "es" as const, es: title, ...(translations.fr ? { fr: translations.fr[0] } : {}), ...(translations.en ? { en: translations.en[0] } : {}) },
  description: { original: "es" as const, es: description, ...(translations.fr ? { fr: translations.fr[1] } : {}), ...(translations.en ? { en: translations.en[1] } : {}) },
});

// Invented but plausible findings of the June 2019 baseline workshop, across the themes.
const demoFindings: DemoFinding[] = [
  {
    theme: "protection",
    priority: "high",
    status: "validated",
    ...es(
      "Los inspectores de trabajo no identifican a las víctimas de trata",
      "Las inspecciones laborales no incluyen indicadores de trata.\n\n- Ningún protocolo de identificación\n- Ninguna formación específica de los inspectores",
      {
        fr: [
          "Les inspecteurs du travail n'identifient pas les victimes de traite",
          "Les inspections du travail ne comportent aucun indicateur de traite.\n\n- Aucun protocole d'identification\n- Aucune formation spécifique des inspecteurs",
        ],
        en: [
          "Labour inspectors do not identify trafficking victims",
          "Labour inspections include no trafficking indicators.\n\n- No identification protocol\n- No specific training for inspectors",
        ],
      },
    ),
    days: ["2019-06-18"],
    reported: ["labour", "ngo"],
    concerned: ["labour"],
    review: "agree",
  },
  {
    theme: "prosecution",
    priority: "high",
    status: "in_review",
    ...es("La derivación de casos entre la policía y la fiscalía no está formalizada", "Cada caso se deriva según contactos personales; los plazos varían de días a meses.", {
      fr: [
        "Le renvoi des affaires entre police et parquet n'est pas formalisé",
        "Chaque affaire est transmise selon les contacts personnels ; les délais vont de quelques jours à plusieurs mois.",
      ],
    }),
    days: ["2019-06-18", "2019-06-19"],
    reported: ["prosecutor", "utp"],
    concerned: ["police", "prosecutor"],
    review: "needs_change",
  },
  {
    theme: "data",
    priority: "high",
    status: "in_review",
    ...es("Los miembros de la CICESCT no comparten sus datos sobre casos", "Cada institución lleva su propio registro, sin definiciones comunes ni intercambio periódico.", {
      en: ["CICESCT members do not share their case data", "Each institution keeps its own records, with no shared definitions or regular exchange."],
    }),
    days: ["2019-06-19"],
    reported: ["ngo", "prosecutor"],
    concerned: ["prosecutor", "police", "labour"],
    review: "agree",
  },
  {
    theme: "prevention",
    priority: "medium",
    status: "validated",
    ...es(
      "Las campañas de prevención no llegan a las zonas rurales",
      "Las campañas se concentran en Tegucigalpa y San Pedro Sula; en las zonas rurales no hay materiales en lenguas locales.",
    ),
    days: ["2019-06-18"],
    reported: ["education", "ngo"],
    concerned: ["education"],
  },
  {
    theme: "protection",
    priority: "medium",
    status: "validated",
    ...es(
      "La atención a las víctimas depende de las ONG",
      "Los albergues y el acompañamiento psicológico los prestan sobre todo organizaciones de la sociedad civil, sin financiamiento estable.",
    ),
    days: ["2019-06-19"],
    reported: ["ngo", "health"],
    concerned: ["health"],
    review: "agree",
  },
  {
    theme: "partnership",
    priority: "high",
    status: "in_review",
    ...es("Los comités locales de la CICESCT se reúnen de forma irregular", "Solo dos de los comités locales se reunieron más de dos veces en 2018."),
    days: ["2019-06-19"],
    reported: ["ngo"],
    concerned: ["labour", "prosecutor"],
    review: "disagree",
  },
  {
    theme: "legal_framework",
    priority: "medium",
    status: "validated",
    ...es(
      "El reglamento de la ley contra la trata no define el procedimiento de identificación",
      "La ley de 2012 prevé la identificación de víctimas, pero su reglamento no establece quién la realiza ni cómo.",
    ),
    days: ["2019-06-18"],
    reported: ["judiciary", "prosecutor"],
    concerned: ["judiciary"],
  },
  {
    theme: "prosecution",
    priority: "medium",
    status: "draft",
    ...es("Pocos jueces conocen la jurisprudencia sobre trata", "Los casos se califican a menudo como proxenetismo, con penas menores."),
    days: ["2019-06-19"],
    reported: ["judiciary"],
    concerned: ["judiciary"],
  },
  {
    theme: "prevention",
    priority: "low",
    status: "draft",
    ...es("El sector turístico no tiene un código de conducta", "Los hoteles miembros de la Cámara de Turismo no cuentan con un procedimiento para señalar casos sospechosos."),
    days: ["2019-06-18"],
    reported: ["tourism"],
    concerned: ["tourism"],
  },
  {
    theme: "protection",
    priority: "medium",
    status: "set_aside",
    ...es(
      "Los migrantes retornados no son entrevistados sobre posibles situaciones de trata",
      "En los centros de atención al migrante retornado no se aplica ningún cuestionario de detección.",
    ),
    days: ["2019-06-19"],
    reported: ["migration"],
    concerned: ["migration"],
  },
  {
    theme: "data",
    priority: "medium",
    status: "validated",
    ...es("No existe un registro único de víctimas identificadas", "Las cifras oficiales difieren según la fuente; no se puede seguir a una víctima de una institución a otra."),
    days: ["2019-06-19"],
    reported: ["utp", "health"],
    concerned: ["utp", "prosecutor"],
  },
  {
    theme: "partnership",
    priority: "low",
    status: "validated",
    ...es("La cooperación con el sector privado es incipiente", "Solo la Cámara de Turismo participa en la CICESCT, y únicamente como observadora."),
    days: ["2019-06-18"],
    reported: ["tourism", "labour"],
    concerned: ["tourism"],
  },
];

type DemoAction = {
  title: string;
  description: string;
  findings: number[];
  institutions: Key[];
  owner: string;
  startDate: string;
  dueDate: string;
  status: ActionStatus;
  progress: number;
  target: string;
  updates: { note: string; progress?: number }[];
};

// Actions in every status; those still under way or planned with a due date long past are overdue.
const demoActions: DemoAction[] = [
  {
    title: "Protocolo de identificación de víctimas para inspectores de trabajo",
    description: "Redactar con la Secretaría de Trabajo un protocolo de identificación y formar a los inspectores.",
    findings: [0, 6],
    institutions: ["labour"],
    owner: "field@example.org",
    startDate: "2020-01-15",
    dueDate: "2020-12-31",
    status: "under_way",
    progress: 60,
    target: "Protocolo adoptado y 40 inspectores formados",
    updates: [
      { note: "Borrador del protocolo validado en taller.", progress: 40 },
      { note: "Primera formación: 18 inspectores.", progress: 60 },
    ],
  },
  {
    title: "Hoja de ruta de derivación entre policía y fiscalía",
    description: "Acordar una hoja de ruta con plazos y puntos focales en cada institución.",
    findings: [1],
    institutions: ["police", "prosecutor", "utp"],
    owner: "manager@example.org",
    startDate: "2020-03-01",
    dueDate: "2021-03-31",
    status: "planned",
    progress: 0,
    target: "Hoja de ruta firmada por ambas instituciones",
    updates: [],
  },
  {
    title: "Mesa técnica de datos de la CICESCT",
    description: "Definiciones comunes y un intercambio trimestral de datos entre los miembros.",
    findings: [2, 10],
    institutions: ["prosecutor", "utp"],
    owner: "partner@example.org",
    startDate: "2019-11-01",
    dueDate: "2020-10-31",
    status: "done",
    progress: 100,
    target: "Un primer informe conjunto de datos",
    updates: [{ note: "Primer informe conjunto publicado.", progress: 100 }],
  },
  {
    title: "Materiales de prevención en lenguas locales",
    description: "Adaptar la campaña nacional para las zonas rurales.",
    findings: [3],
    institutions: ["education", "ngo"],
    owner: "field@example.org",
    startDate: "2021-01-01",
    dueDate: "2031-06-30",
    status: "proposed",
    progress: 0,
    target: "Materiales en tres lenguas",
    updates: [],
  },
  {
    title: "Fondo estable para albergues de la sociedad civil",
    description: "Propuesta de financiamiento público de los albergues.",
    findings: [4],
    institutions: ["health", "ngo"],
    owner: "manager@example.org",
    startDate: "2020-01-01",
    dueDate: "2020-06-30",
    status: "dropped",
    progress: 10,
    target: "Partida presupuestaria",
    updates: [{ note: "Sin apoyo presupuestario en 2020; se retoma en otro proyecto.", progress: 10 }],
  },
  {
    title: "Reactivar los comités locales de la CICESCT",
    description: "Calendario anual de reuniones y apoyo a las secretarías técnicas locales.",
    findings: [5, 11],
    institutions: ["labour", "prosecutor"],
    owner: "manager@example.org",
    startDate: "2020-02-01",
    dueDate: "2030-12-31",
    status: "under_way",
    progress: 30,
    target: "Cuatro reuniones al año en cada comité",
    updates: [{ note: "Dos comités reactivados.", progress: 30 }],
  },
];

async function idsOf<K extends string>(tx: Db, byName: Record<K, string>): Promise<Record<K, string>> {
  const rows = await tx
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(inArray(institutions.name, Object.values(byName) as string[]));
  return Object.fromEntries(Object.entries(byName).map(([key, name]) => [key, rows.find((r) => r.name === name)!.id])) as Record<K, string>;
}

/** The Honduras baseline study, once: its findings, a review round answered by the demo partner, and actions. */
export async function seedStudy(tx: Db, projectId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: studies.id })
    .from(studies)
    .where(and(eq(studies.projectId, projectId), eq(studies.title, hondurasStudyTitle)));
  if (existing) return;
  const institutionIds = await idsOf(tx, names);
  const account = async (email: string) => (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const [manager, partner] = [await account("manager@example.org"), await account("partner@example.org")];
  const [workshop] = await tx
    .select({ id: workshops.id })
    .from(workshops)
    .where(and(eq(workshops.projectId, projectId), eq(workshops.title, tegucigalpaWorkshopTitle)));
  const [study] = await tx
    .insert(studies)
    .values({
      projectId,
      title: hondurasStudyTitle,
      periodStart: "2019-06-01",
      periodEnd: "2019-10-31",
      status: "in_review",
      methodology: "Taller participativo de dos días con los miembros de la CICESCT, entrevistas con las instituciones clave y revisión documental.",
    })
    .returning();
  const [workshopSource, interview] = await tx
    .insert(studySources)
    .values([
      { studyId: study!.id, kind: "workshop", title: "Taller de línea de base, Tegucigalpa", date: "2019-06-18", workshopId: workshop!.id },
      { studyId: study!.id, kind: "interview", title: "Entrevista con la fiscalía especial contra la trata", date: "2019-06-21" },
      { studyId: study!.id, kind: "document", title: "Informe anual de la CICESCT 2018", date: "2019-03-01", url: "https://example.org/cicesct-2018" },
    ])
    .returning();
  const created: string[] = [];
  for (const f of demoFindings) {
    const [row] = await tx
      .insert(findings)
      .values({ studyId: study!.id, theme: f.theme, title: f.title, description: f.description, priority: f.priority, status: f.status, createdById: manager })
      .returning({ id: findings.id });
    created.push(row!.id);
    await tx.insert(findingWorkshops).values(f.days.map((day) => ({ findingId: row!.id, workshopId: workshop!.id, day })));
    await tx.insert(findingSources).values({ findingId: row!.id, sourceId: (f.theme === "prosecution" ? interview : workshopSource)!.id });
    await tx
      .insert(findingInstitutions)
      .values([
        ...f.reported.map((k) => ({ findingId: row!.id, institutionId: institutionIds[k], role: "reported" as const })),
        ...f.concerned.map((k) => ({ findingId: row!.id, institutionId: institutionIds[k], role: "concerned" as const })),
      ]);
  }
  const reviewed = demoFindings.map((f, i) => ({ f, id: created[i]! })).filter(({ f }) => f.review);
  const [round] = await tx.insert(reviewRounds).values({ studyId: study!.id, title: "Revisión por los miembros de la CICESCT", openedById: manager }).returning();
  await tx.insert(reviewRoundFindings).values(reviewed.map(({ id }) => ({ roundId: round!.id, findingId: id })));
  await tx.insert(reviewRoundPartners).values({ roundId: round!.id, userId: partner });
  await tx.insert(reviewAnswersTable).values(
    reviewed.map(({ f, id }) => ({
      roundId: round!.id,
      findingId: id,
      userId: partner,
      answer: f.review!,
      comment:
        f.review === "needs_change" ? "Falta mencionar a la Unidad contra la Trata." : f.review === "disagree" ? "El comité de San Pedro Sula se reunió cada trimestre." : "",
    })),
  );
  const disputed = reviewed.find(({ f }) => f.review === "disagree")!.id;
  const [question] = await tx
    .insert(reviewComments)
    .values({ roundId: round!.id, findingId: disputed, authorId: partner, body: "¿Qué comités se tomaron en cuenta?" })
    .returning({ id: reviewComments.id });
  await tx
    .insert(reviewComments)
    .values({ roundId: round!.id, findingId: disputed, authorId: manager, parentId: question!.id, body: "Los seis comités locales que respondieron al cuestionario." });
  for (const a of demoActions) {
    const [action] = await tx
      .insert(improvementActions)
      .values({
        projectId,
        title: a.title,
        description: a.description,
        ownerId: await account(a.owner),
        startDate: a.startDate,
        dueDate: a.dueDate,
        status: a.status,
        progress: a.progress,
        target: a.target,
      })
      .returning({ id: improvementActions.id });
    await tx.insert(actionFindings).values(a.findings.map((i) => ({ actionId: action!.id, findingId: created[i]! })));
    await tx.insert(actionInstitutions).values(a.institutions.map((k) => ({ actionId: action!.id, institutionId: institutionIds[k] })));
    let before = 0;
    for (const u of a.updates) {
      await tx
        .insert(actionUpdates)
        .values({ actionId: action!.id, authorId: await account(a.owner), note: u.note, changes: u.progress !== undefined ? { progress: { before, after: u.progress } } : {} });
      before = u.progress ?? before;
    }
  }
}
