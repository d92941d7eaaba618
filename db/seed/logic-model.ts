import { and, eq, inArray } from "drizzle-orm";
import { holdsAnyVersionOf } from "@/lib/narrative-sql";
import type { Db } from "../client";
import { expectedResults, findings, improvementActions, missions, resultLinks, studies, workshops } from "../schema";
import type { Narrative } from "../schema/values";
import { tegucigalpaWorkshopTitle } from "./workshops";

type DemoResult = { code: string; statement: Narrative; under?: DemoResult[] };

const fr = (text: string, es: string, en: string): Narrative => ({ original: "fr", fr: text, es, en });

// Built on what the seed reports say the Honduras project set out to change.
const honduras: DemoResult = {
  code: "1000",
  statement: fr(
    "Vulnérabilité réduite à la traite des populations marginalisées du Honduras, en particulier des femmes et des filles",
    "Reducida la vulnerabilidad a la trata de las poblaciones marginadas de Honduras, en particular de mujeres y niñas",
    "Reduced vulnerability to trafficking of marginalised populations in Honduras, especially women and girls",
  ),
  under: [
    {
      code: "1100",
      statement: fr(
        "Accompagnement des victimes de la traite amélioré, dans le respect de leurs droits",
        "Mejor acompañamiento de las víctimas de trata, respetuoso de sus derechos",
        "Better support for trafficking victims, respectful of their rights",
      ),
      under: [
        {
          code: "1110",
          statement: fr(
            "Les professionnels identifient et réfèrent mieux les victimes",
            "Los profesionales identifican y refieren mejor a las víctimas",
            "Professionals better identify and refer victims",
          ),
          under: [
            {
              code: "1111",
              statement: fr(
                "Policiers, procureurs et inspecteurs du travail formés à l'identification des victimes",
                "Policías, fiscales e inspectores de trabajo capacitados en la identificación de víctimas",
                "Police officers, prosecutors and labour inspectors trained in victim identification",
              ),
            },
            {
              code: "1112",
              statement: fr(
                "Protocole de référencement entre la police et le ministère public élaboré",
                "Protocolo de derivación entre la policía y la fiscalía elaborado",
                "Referral protocol between the police and the prosecution drafted",
              ),
            },
          ],
        },
      ],
    },
    {
      code: "1200",
      statement: fr(
        "Coordination nationale de la lutte contre la traite renforcée autour de la CICESCT",
        "Coordinación nacional de la lucha contra la trata fortalecida en torno a la CICESCT",
        "Stronger national coordination against trafficking around the CICESCT",
      ),
      under: [
        {
          code: "1210",
          statement: fr(
            "Les membres de la CICESCT et ses comités locaux partagent leurs données et planifient ensemble",
            "Los miembros de la CICESCT y sus comités locales comparten datos y planifican juntos",
            "CICESCT members and its local committees share data and plan together",
          ),
          under: [
            {
              code: "1211",
              statement: fr("Comités locaux de la CICESCT réactivés", "Comités locales de la CICESCT reactivados", "CICESCT local committees reactivated"),
            },
          ],
        },
      ],
    },
    {
      code: "1300",
      statement: fr(
        "Communautés vulnérables mieux informées et mobilisées contre la traite",
        "Comunidades vulnerables mejor informadas y movilizadas contra la trata",
        "Vulnerable communities better informed and mobilised against trafficking",
      ),
      under: [
        {
          code: "1310",
          statement: fr(
            "Les communautés rurales connaissent les risques de la traite et les moyens de la signaler",
            "Las comunidades rurales conocen los riesgos de la trata y cómo denunciarla",
            "Rural communities know the risks of trafficking and how to report it",
          ),
          under: [
            {
              code: "1311",
              statement: fr(
                "Matériels de prévention adaptés aux zones rurales",
                "Materiales de prevención adaptados a las zonas rurales",
                "Prevention materials adapted to rural areas",
              ),
            },
          ],
        },
      ],
    },
  ],
};

const costaRica: DemoResult = {
  code: "1000",
  statement: fr(
    "Protection renforcée des enfants contre la traite à des fins d'exploitation sexuelle commerciale au Costa Rica",
    "Protección reforzada de la niñez contra la trata con fines de explotación sexual comercial en Costa Rica",
    "Stronger protection of children against trafficking for commercial sexual exploitation in Costa Rica",
  ),
  under: [
    {
      code: "1100",
      statement: fr(
        "Les acteurs étatiques appliquent des pratiques de protection de l'enfance",
        "Los actores estatales aplican prácticas de protección de la niñez",
        "State actors apply child-protection practices",
      ),
      under: [
        {
          code: "1110",
          statement: fr(
            "Policiers et agents de justice formés à la traite des enfants",
            "Policías y operadores de justicia capacitados en trata de niñez",
            "Police and justice officials trained on child trafficking",
          ),
        },
      ],
    },
  ],
};

const levels = ["ultimate", "intermediate", "immediate", "output"] as const;

async function insertResult(tx: Db, projectId: string, result: DemoResult, parentId: string | null, depth: number, position: number) {
  const [row] = await tx
    .insert(expectedResults)
    .values({ projectId, parentId, level: levels[depth]!, code: result.code, statement: result.statement, position })
    .returning({ id: expectedResults.id });
  for (const [i, child] of (result.under ?? []).entries()) await insertResult(tx, projectId, child, row!.id, depth + 1, i);
}

/** The demo projects' logic models, for a project that has none yet. */
export async function seedLogicModels(tx: Db, projects: { honduras: string; costaRica: string }): Promise<void> {
  for (const [projectId, model] of [
    [projects.honduras, honduras],
    [projects.costaRica, costaRica],
  ] as const) {
    const [existing] = await tx.select({ id: expectedResults.id }).from(expectedResults).where(eq(expectedResults.projectId, projectId)).limit(1);
    if (!existing) await insertResult(tx, projectId, model, null, 0, 0);
  }
}

/** What the demo did for each result: workshops and actions by title, missions and findings by a text in any language. */
type DemoLinks = { code: string; workshops?: string[]; missions?: Narrative[]; actions?: string[]; findings?: Narrative[] };

export const es = (text: string): Narrative => ({ original: "es", es: text });

const hondurasLinks: DemoLinks[] = [
  {
    code: "1111",
    workshops: [tegucigalpaWorkshopTitle],
    missions: [{ original: "fr", fr: "Mission de lancement et étude de base", es: "Misión de lanzamiento y estudio de línea de base" }],
    actions: ["Protocolo de identificación de víctimas para inspectores de trabajo"],
  },
  { code: "1112", actions: ["Hoja de ruta de derivación entre policía y fiscalía"] },
  {
    code: "1211",
    workshops: ["Validación de hallazgos de la línea de base"],
    missions: [{ original: "es", es: "Misión de validación de hallazgos", fr: "Mission de validation des constats" }],
    actions: ["Mesa técnica de datos de la CICESCT", "Reactivar los comités locales de la CICESCT"],
  },
  { code: "1311", actions: ["Materiales de prevención en lenguas locales"] },
  { code: "1100", findings: [es("La atención a las víctimas depende de las ONG")] },
  { code: "1110", findings: [es("Los inspectores de trabajo no identifican a las víctimas de trata")] },
  { code: "1210", findings: [es("Los miembros de la CICESCT no comparten sus datos sobre casos"), es("Los comités locales de la CICESCT se reúnen de forma irregular")] },
  { code: "1310", findings: [es("Las campañas de prevención no llegan a las zonas rurales")] },
];

const costaRicaLinks: DemoLinks[] = [{ code: "1110", workshops: ["Formación en identificación de víctimas"] }];

/** Links the demo's workshops, missions, actions and findings to their results, in a project that has none yet. */
export async function seedResultLinks(tx: Db, projects: { honduras: string; costaRica: string }): Promise<void> {
  for (const [projectId, demo] of [
    [projects.honduras, hondurasLinks],
    [projects.costaRica, costaRicaLinks],
  ] as const) {
    const results = await tx.select({ id: expectedResults.id, code: expectedResults.code }).from(expectedResults).where(eq(expectedResults.projectId, projectId));
    const [linked] = await tx
      .select({ id: resultLinks.id })
      .from(resultLinks)
      .innerJoin(expectedResults, eq(expectedResults.id, resultLinks.resultId))
      .where(eq(expectedResults.projectId, projectId))
      .limit(1);
    if (linked) continue;
    for (const link of demo) {
      const resultId = results.find((r) => r.code === link.code)?.id;
      if (!resultId) continue;
      const found: Partial<Record<"workshopId" | "missionId" | "actionId" | "findingId", string>>[] = [
        ...(link.workshops?.length
          ? (
              await tx
                .select({ id: workshops.id })
                .from(workshops)
                .where(and(eq(workshops.projectId, projectId), inArray(workshops.title, link.workshops)))
            ).map((w) => ({ workshopId: w.id }))
          : []),
        ...(link.actions?.length
          ? (
              await tx
                .select({ id: improvementActions.id })
                .from(improvementActions)
                .where(and(eq(improvementActions.projectId, projectId), inArray(improvementActions.title, link.actions)))
            ).map((a) => ({ actionId: a.id }))
          : []),
      ];
      for (const title of link.missions ?? []) {
        const rows = await tx
          .select({ id: missions.id })
          .from(missions)
          .where(and(eq(missions.projectId, projectId), holdsAnyVersionOf(missions.title, title)));
        found.push(...rows.map((m) => ({ missionId: m.id })));
      }
      for (const title of link.findings ?? []) {
        const rows = await tx
          .select({ id: findings.id })
          .from(findings)
          .innerJoin(studies, eq(studies.id, findings.studyId))
          .where(and(eq(studies.projectId, projectId), holdsAnyVersionOf(findings.title, title)));
        found.push(...rows.map((f) => ({ findingId: f.id })));
      }
      if (found.length) await tx.insert(resultLinks).values(found.map((target) => ({ resultId, ...target })));
    }
  }
}
