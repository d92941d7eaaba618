import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { calculationInput } from "@/lib/indicators/calculations/catalogue";
import { projectYears } from "@/lib/indicators/periods";
import { holdsAnyVersionOf } from "@/lib/narrative-sql";
import type { Db } from "../client";
import {
  coordinationBodies,
  evaluationGroups,
  evaluations,
  evaluationStatements,
  expectedResults,
  findings,
  indicatorEvidence,
  indicators,
  indicatorTargets,
  indicatorValues,
  projects,
  reportingPeriods,
  studies,
  users,
  workshops,
} from "../schema";
import type { Disaggregation, IndicatorUnit, Narrative } from "../schema/values";
import { es } from "./logic-model";
import { tegucigalpaWorkshopTitle } from "./workshops";

const fr = (text: string, esText: string, en: string): Narrative => ({ original: "fr", fr: text, es: esText, en });

/** The project's records a demo calculation names, found by their keys, codes and acronyms. */
type Refs = { statement: (key: string) => string; group: (key: string) => string; result: (code: string) => string; body: (acronym: string) => string };

type DemoIndicator = {
  resultCode: string;
  code: string;
  statement: Narrative;
  unit: IndicatorUnit;
  disaggregations: Disaggregation[];
  dataSources: string;
  collectionMethods: string;
  responsibility: string;
  baselineValue: number | null;
  /** One per project year, in order (null: none that year); the last is also the end-of-project target. */
  targets: (number | null)[];
  evidence?: { workshops?: string[]; findings?: Narrative[] };
  calculation?: (refs: Refs) => z.input<typeof calculationInput>;
  /** Values field staff reported, by the index of their period, and what the manager decided. */
  reported?: { period: number; value: number; comment: string; status: "approved" | "sent_back"; reviewComment: string }[];
};

const attendanceLists = { dataSources: "Listas de asistencia de Atelier", collectionMethods: "Registro de asistencia en cada taller", responsibility: "Coordinación del proyecto" };
const finalEvaluation = { dataSources: "Evaluación final (julio-agosto de 2022)", collectionMethods: "Cuestionario con escala de acuerdo", responsibility: "Equipo de evaluación" };

// Baselines as the June 2019 Tegucigalpa workshop set them; targets per project year. The computed
// ones give exactly the figures the rest of the app shows (the final evaluation's 76 %, 86 % and 96 % of 109).
const hondurasIndicators: DemoIndicator[] = [
  {
    resultCode: "1000",
    code: "1000.1",
    statement: fr(
      "% des acteurs interrogés estimant que la vulnérabilité des populations marginalisées à la traite a diminué",
      "% de actores encuestados que consideran que se redujo la vulnerabilidad de las poblaciones marginadas a la trata",
      "% of stakeholders surveyed who consider that marginalised populations' vulnerability to trafficking fell",
    ),
    unit: "percentage",
    disaggregations: [],
    ...finalEvaluation,
    baselineValue: null,
    targets: [null, null, null, 70],
    calculation: (r) => ({ kind: "evaluation_agreement", statementId: r.statement("q1_vulnerability") }),
  },
  {
    resultCode: "1000",
    code: "1000.2",
    statement: fr(
      "% des acteurs interrogés estimant que les effets positifs perdureront",
      "% de actores encuestados que consideran que los efectos positivos perdurarán",
      "% of stakeholders surveyed who consider the positive effects will last",
    ),
    unit: "percentage",
    disaggregations: [],
    ...finalEvaluation,
    baselineValue: null,
    targets: [null, null, null, 80],
    calculation: (r) => ({ kind: "evaluation_agreement", statementId: r.statement("q3_lasting") }),
  },
  {
    resultCode: "1100",
    code: "1100.1",
    statement: fr(
      "% des acteurs interrogés estimant que le projet a eu un impact positif sur la vie des victimes",
      "% de actores encuestados que consideran que el proyecto tuvo un impacto positivo en la vida de las víctimas",
      "% of stakeholders surveyed who consider the project improved victims' lives",
    ),
    unit: "percentage",
    disaggregations: [],
    ...finalEvaluation,
    baselineValue: null,
    targets: [null, null, null, 75],
    calculation: (r) => ({ kind: "evaluation_agreement", statementId: r.statement("q2_victims") }),
  },
  {
    resultCode: "1110",
    code: "1110.1",
    statement: fr(
      "% des professionnels participants qui s'estiment capables d'identifier une victime",
      "% de profesionales participantes que se consideran capaces de identificar a una víctima",
      "% of participating professionals who consider themselves able to identify a victim",
    ),
    unit: "percentage",
    disaggregations: ["sex"],
    dataSources: "Encuesta anual a participantes",
    collectionMethods: "Cuestionario con escala de acuerdo",
    responsibility: "Equipo de evaluación",
    baselineValue: 35,
    targets: [45, 55, 65, 75],
    evidence: { findings: [es("Los inspectores de trabajo no identifican a las víctimas de trata")] },
    reported: [
      { period: 0, value: 40, comment: "Encuesta de marzo de 2020, 38 respuestas.", status: "sent_back", reviewComment: "Falta adjuntar la encuesta y el desglose por sexo." },
    ],
  },
  {
    resultCode: "1110",
    code: "1110.2",
    statement: fr(
      "% des organisations de la société civile dont les pratiques de protection de l'enfance se sont améliorées",
      "% de organizaciones de la sociedad civil cuyas prácticas de protección de la niñez mejoraron",
      "% of civil-society organisations whose child-protection practices improved",
    ),
    unit: "percentage",
    disaggregations: [],
    ...finalEvaluation,
    baselineValue: null,
    targets: [null, null, null, 80],
    calculation: (r) => ({ kind: "evaluation_agreement", statementId: r.statement("q4_child_protection"), groupId: r.group("civil_society") }),
  },
  {
    resultCode: "1111",
    code: "1111.1",
    statement: fr(
      "Nombre de personnes formées à l'identification des victimes",
      "Número de personas capacitadas en la identificación de víctimas",
      "Number of people trained in victim identification",
    ),
    unit: "number",
    disaggregations: ["sex", "sector"],
    ...attendanceLists,
    baselineValue: 0,
    targets: [60, 120, 180, 200],
    evidence: { workshops: [tegucigalpaWorkshopTitle] },
    calculation: (r) => ({ kind: "unique_participants", outputId: r.result("1111") }),
  },
  {
    resultCode: "1111",
    code: "1111.2",
    statement: fr("Nombre de jours-personnes de formation", "Número de días-persona de capacitación", "Person-days of training"),
    unit: "number",
    disaggregations: ["sex"],
    ...attendanceLists,
    baselineValue: 0,
    targets: [120, 240, 360, 400],
    calculation: (r) => ({ kind: "attendances", outputId: r.result("1111") }),
  },
  {
    resultCode: "1112",
    code: "1112.1",
    statement: fr(
      "Protocole de référencement entre la police et le ministère public adopté (oui/non)",
      "Protocolo de derivación entre la policía y la fiscalía adoptado (sí/no)",
      "Referral protocol between the police and the prosecution adopted (yes/no)",
    ),
    unit: "yes_no",
    disaggregations: [],
    dataSources: "Resolución de la CICESCT",
    collectionMethods: "Revisión documental",
    responsibility: "Coordinación del proyecto",
    baselineValue: 0,
    targets: [0, 0, 1, 1],
  },
  {
    resultCode: "1210",
    code: "1210.1",
    statement: fr(
      "Nombre d'institutions membres de la CICESCT ayant participé aux ateliers",
      "Número de instituciones miembros de la CICESCT que participaron en los talleres",
      "Number of CICESCT member institutions that took part in workshops",
    ),
    unit: "number",
    disaggregations: ["sector"],
    ...attendanceLists,
    baselineValue: 0,
    targets: [5, 8, 10, 12],
    calculation: (r) => ({ kind: "institutions_reached", bodyId: r.body("CICESCT"), cumulative: true }),
  },
  {
    resultCode: "1211",
    code: "1211.1",
    statement: fr(
      "Nombre de comités locaux de la CICESCT qui se réunissent au moins chaque trimestre",
      "Número de comités locales de la CICESCT que se reúnen al menos cada trimestre",
      "Number of CICESCT local committees meeting at least quarterly",
    ),
    unit: "number",
    disaggregations: [],
    dataSources: "Actas de los comités locales",
    collectionMethods: "Revisión documental",
    responsibility: "Secretaría Ejecutiva de la CICESCT",
    baselineValue: 2,
    targets: [3, 5, 7, 8],
    evidence: { findings: [es("Los comités locales de la CICESCT se reúnen de forma irregular")] },
    reported: [{ period: 0, value: 3, comment: "Actas de los comités de San Pedro Sula, La Ceiba y Choluteca.", status: "approved", reviewComment: "Conforme con las actas." }],
  },
  {
    resultCode: "1310",
    code: "1310.1",
    statement: fr(
      "% des constats de l'étude de base suivis d'au moins une action d'amélioration",
      "% de los hallazgos del estudio de línea de base atendidos por al menos una acción de mejora",
      "% of the baseline study's findings answered by at least one improvement action",
    ),
    unit: "percentage",
    disaggregations: [],
    dataSources: "Plan de mejora en Atelier",
    collectionMethods: "Seguimiento del plan de mejora",
    responsibility: "Coordinación del proyecto",
    baselineValue: 0,
    targets: [50, 70, 90, 100],
    calculation: () => ({ kind: "findings_answered", as: "share" }),
  },
  {
    resultCode: "1311",
    code: "1311.1",
    statement: fr("Nombre d'actions d'amélioration réalisées", "Número de acciones de mejora realizadas", "Number of improvement actions done"),
    unit: "number",
    disaggregations: [],
    dataSources: "Plan de mejora en Atelier",
    collectionMethods: "Seguimiento del plan de mejora",
    responsibility: "Coordinación del proyecto",
    baselineValue: 0,
    targets: [1, 3, 5, 6],
    calculation: () => ({ kind: "actions_done", cumulative: true }),
  },
];

const costaRicaEvaluation = {
  dataSources: "Evaluación final (septiembre-octubre de 2018)",
  collectionMethods: "Cuestionario con escala de acuerdo",
  responsibility: "Equipo de evaluación",
};

// The Costa Rica closing report's 96 %, 100 % and 100 % of 25.
const costaRicaIndicators: DemoIndicator[] = [
  {
    resultCode: "1000",
    code: "1000.1",
    statement: fr(
      "% des participants qui appliquent mieux la législation sur la traite",
      "% de participantes que aplican mejor la legislación sobre trata",
      "% of participants who apply trafficking legislation better",
    ),
    unit: "percentage",
    disaggregations: [],
    ...costaRicaEvaluation,
    baselineValue: null,
    targets: [null, null, 80],
    calculation: (r) => ({ kind: "evaluation_agreement", statementId: r.statement("cr1_legislation") }),
  },
  {
    resultCode: "1100",
    code: "1100.1",
    statement: fr(
      "% des participants estimant que les outils réduiront la vulnérabilité des victimes",
      "% de participantes que consideran que las herramientas reducirán la vulnerabilidad de las víctimas",
      "% of participants who consider the tools will reduce victims' vulnerability",
    ),
    unit: "percentage",
    disaggregations: [],
    ...costaRicaEvaluation,
    baselineValue: null,
    targets: [null, null, 80],
    calculation: (r) => ({ kind: "evaluation_agreement", statementId: r.statement("cr2_tools") }),
  },
  {
    resultCode: "1110",
    code: "1110.1",
    statement: fr(
      "% des participants qui s'estiment équipés pour jouer leur rôle contre la traite",
      "% de participantes que se consideran equipados para desempeñar su papel contra la trata",
      "% of participants who feel equipped to play their part against trafficking",
    ),
    unit: "percentage",
    disaggregations: [],
    ...costaRicaEvaluation,
    baselineValue: null,
    targets: [null, null, 80],
    calculation: (r) => ({ kind: "evaluation_agreement", statementId: r.statement("cr3_equipped") }),
  },
];

async function refsOf(tx: Db, projectId: string): Promise<Refs> {
  const [statements, groups, results, bodies] = await Promise.all([
    tx
      .select({ id: evaluationStatements.id, key: evaluationStatements.key })
      .from(evaluationStatements)
      .innerJoin(evaluations, eq(evaluations.id, evaluationStatements.evaluationId))
      .where(eq(evaluations.projectId, projectId)),
    tx
      .select({ id: evaluationGroups.id, key: evaluationGroups.key })
      .from(evaluationGroups)
      .innerJoin(evaluations, eq(evaluations.id, evaluationGroups.evaluationId))
      .where(eq(evaluations.projectId, projectId)),
    tx.select({ id: expectedResults.id, key: expectedResults.code }).from(expectedResults).where(eq(expectedResults.projectId, projectId)),
    tx.select({ id: coordinationBodies.id, key: coordinationBodies.acronym }).from(coordinationBodies),
  ]);
  const finder = (rows: { id: string; key: string }[]) => (key: string) => {
    const found = rows.find((r) => r.key === key);
    if (!found) throw new Error(`The demo data has no ${key}.`);
    return found.id;
  };
  return { statement: finder(statements), group: finder(groups), result: finder(results), body: finder(bodies) };
}

/** The project's years as periods, unless it has periods already. */
async function periodsOf(tx: Db, projectId: string) {
  const existing = await tx.select({ id: reportingPeriods.id }).from(reportingPeriods).where(eq(reportingPeriods.projectId, projectId)).orderBy(reportingPeriods.startDate);
  if (existing.length > 0) return existing;
  const [project] = await tx.select({ startDate: projects.startDate, endDate: projects.endDate }).from(projects).where(eq(projects.id, projectId));
  return tx
    .insert(reportingPeriods)
    .values(projectYears(project!.startDate, project!.endDate).map((y) => ({ projectId, ...y })))
    .returning({ id: reportingPeriods.id });
}

async function citedEvidence(tx: Db, projectId: string, evidence: DemoIndicator["evidence"] = {}) {
  const cited: Partial<Record<"workshopId" | "findingId", string>>[] = evidence.workshops?.length
    ? (
        await tx
          .select({ id: workshops.id })
          .from(workshops)
          .where(and(eq(workshops.projectId, projectId), inArray(workshops.title, evidence.workshops)))
      ).map((w) => ({ workshopId: w.id }))
    : [];
  for (const title of evidence.findings ?? []) {
    const rows = await tx
      .select({ id: findings.id })
      .from(findings)
      .innerJoin(studies, eq(studies.id, findings.studyId))
      .where(and(eq(studies.projectId, projectId), holdsAnyVersionOf(findings.title, title)));
    cited.push(...rows.map((f) => ({ findingId: f.id })));
  }
  return cited;
}

/**
 * The demo indicators a project lacks (matched by code), with the project's years as periods if it
 * has none. An indicator the demo once brought in as reported and nobody has edited since becomes
 * computed when the demo now computes it; one somebody changed is left as they left it.
 */
async function seedProjectIndicators(tx: Db, projectId: string, demos: DemoIndicator[]): Promise<void> {
  const periods = await periodsOf(tx, projectId);
  const refs = await refsOf(tx, projectId);
  const [field, manager] = await Promise.all(
    ["field@example.org", "manager@example.org"].map(async (email) => (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null),
  );
  for (const demo of demos) {
    const { resultCode, targets, evidence, calculation: spec, reported, ...fields } = demo;
    const calculation = spec ? calculationInput.parse(spec(refs)) : null;
    const [existing] = await tx
      .select({ id: indicators.id, version: indicators.version, calculation: indicators.calculation })
      .from(indicators)
      .where(and(eq(indicators.projectId, projectId), eq(indicators.code, demo.code)));
    if (existing) {
      if (existing.version === 1 && !existing.calculation && calculation) await tx.update(indicators).set({ calculation }).where(eq(indicators.id, existing.id));
      continue;
    }
    const [indicator] = await tx
      .insert(indicators)
      .values({ ...fields, projectId, resultId: refs.result(resultCode), frequency: "annual", baselineDate: "2019-06-18", endTarget: targets.at(-1) ?? null, calculation })
      .returning({ id: indicators.id });
    const perPeriod = periods.flatMap((p, i) => {
      const value = targets[i] === undefined ? targets.at(-1) : targets[i];
      return value === null || value === undefined ? [] : [{ indicatorId: indicator!.id, periodId: p.id, value }];
    });
    if (perPeriod.length) await tx.insert(indicatorTargets).values(perPeriod);
    const cited = await citedEvidence(tx, projectId, evidence);
    if (cited.length) await tx.insert(indicatorEvidence).values(cited.map((c) => ({ indicatorId: indicator!.id, ...c })));
    for (const value of reported ?? []) {
      await tx.insert(indicatorValues).values({
        indicatorId: indicator!.id,
        periodId: periods[value.period]!.id,
        value: value.value,
        comment: value.comment,
        status: value.status,
        submittedById: field,
        submittedAt: new Date("2020-04-15T15:00:00Z"),
        reviewedById: manager,
        reviewedAt: new Date("2020-04-20T15:00:00Z"),
        reviewComment: value.reviewComment,
      });
    }
  }
}

/** The demo projects' indicators: a dozen for Honduras, computed and reported, and three for Costa Rica. */
export async function seedIndicators(tx: Db, projects: { honduras: string; costaRica: string }): Promise<void> {
  await seedProjectIndicators(tx, projects.honduras, hondurasIndicators);
  await seedProjectIndicators(tx, projects.costaRica, costaRicaIndicators);
}
