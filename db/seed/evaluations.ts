import { and, eq } from "drizzle-orm";
import { holdsAnyVersionOf } from "@/lib/narrative-sql";
import type { Db } from "../client";
import { evaluationAnswers, evaluationGroups, evaluationRespondents, evaluations, evaluationStatements, type Narrative } from "../schema";

type DemoStatement = { key: string; text: Narrative /** How many of those asked agree. */; agree: number /** Only these groups were asked. */; askedGroups?: string[] };
type DemoEvaluation = {
  title: Narrative;
  periodStart: string;
  periodEnd: string;
  scaleSize: 4 | 5;
  agreeLevels: number[];
  groups: { key: string; name: Narrative; respondents: number }[];
  statements: DemoStatement[];
};

const fr = (text: string, es: string, en: string): Narrative => ({ original: "fr", fr: text, es, en });

// The final evaluations of the two seed projects: answers made up so that the app computes exactly
// the figures the closing reports published (../shared/seeds).
export const demoEvaluations: Record<"honduras" | "costaRica", DemoEvaluation> = {
  honduras: {
    title: fr("Évaluation finale — Honduras", "Evaluación final — Honduras", "Final evaluation — Honduras"),
    periodStart: "2022-07-01",
    periodEnd: "2022-08-31",
    scaleSize: 5,
    agreeLevels: [4, 5],
    groups: [
      { key: "state", name: fr("Institutions de l'État", "Instituciones del Estado", "State institutions"), respondents: 58 },
      { key: "civil_society", name: fr("Société civile", "Sociedad civil", "Civil society"), respondents: 51 },
    ],
    statements: [
      {
        key: "q1_vulnerability",
        agree: 83,
        text: fr(
          "Les actions menées ont permis de réduire la vulnérabilité des populations marginalisées, en particulier des femmes et des filles, face à la traite des personnes.",
          "Las acciones realizadas redujeron la vulnerabilidad de las poblaciones marginadas, en particular de las mujeres y las niñas, frente a la trata de personas.",
          "The actions reduced the vulnerability of marginalised populations, especially women and girls, to human trafficking.",
        ),
      },
      {
        key: "q2_victims",
        agree: 94,
        text: fr(
          "Le projet a eu un impact positif sur la vie des victimes de la traite des personnes.",
          "El proyecto tuvo un impacto positivo en la vida de las víctimas de trata de personas.",
          "The project had a positive impact on the lives of trafficking victims.",
        ),
      },
      {
        key: "q3_lasting",
        agree: 105,
        text: fr("Les effets positifs sont susceptibles de perdurer.", "Es probable que los efectos positivos perduren.", "The positive effects are likely to last."),
      },
      {
        key: "q4_child_protection",
        agree: 49,
        askedGroups: ["civil_society"],
        text: fr(
          "Ma participation au projet a contribué à l'amélioration de nos pratiques en faveur de la protection de l'enfance.",
          "Mi participación en el proyecto contribuyó a mejorar nuestras prácticas de protección de la niñez.",
          "Taking part in the project helped improve our child-protection practices.",
        ),
      },
    ],
  },
  costaRica: {
    title: fr("Évaluation finale — Costa Rica", "Evaluación final — Costa Rica", "Final evaluation — Costa Rica"),
    periodStart: "2018-09-01",
    periodEnd: "2018-10-31",
    scaleSize: 4,
    agreeLevels: [3, 4],
    groups: [{ key: "police_justice", name: fr("Police et justice", "Policía y justicia", "Police and justice"), respondents: 25 }],
    statements: [
      {
        key: "cr1_legislation",
        agree: 24,
        text: fr(
          "Ma participation m'a permis d'améliorer ma mise en œuvre de la législation, des politiques et des pratiques liées à la traite des personnes.",
          "Mi participación me permitió mejorar mi aplicación de la legislación, las políticas y las prácticas relativas a la trata de personas.",
          "Taking part improved how I apply trafficking legislation, policies and practices.",
        ),
      },
      {
        key: "cr2_tools",
        agree: 25,
        text: fr(
          "Les outils conçus ou renforcés permettront de réduire la vulnérabilité des victimes et de rendre la coordination entre institutions plus efficace.",
          "Las herramientas diseñadas o reforzadas reducirán la vulnerabilidad de las víctimas y harán más eficaz la coordinación entre instituciones.",
          "The tools designed or strengthened will reduce victims' vulnerability and make coordination between institutions more effective.",
        ),
      },
      {
        key: "cr3_equipped",
        agree: 25,
        text: fr(
          "Je suis désormais adéquatement équipé·e pour jouer mon rôle dans la lutte contre la traite des personnes.",
          "Ahora estoy adecuadamente equipado/a para desempeñar mi papel en la lucha contra la trata de personas.",
          "I am now adequately equipped to play my part against human trafficking.",
        ),
      },
    ],
  },
};

/** The demo evaluations, once each: of those asked, `agree` agree, spread evenly over their groups. */
export async function seedEvaluations(tx: Db, projects: { honduras: string; costaRica: string }): Promise<void> {
  for (const [which, demo] of Object.entries(demoEvaluations) as ["honduras" | "costaRica", DemoEvaluation][]) {
    const projectId = projects[which];
    const [existing] = await tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.projectId, projectId), holdsAnyVersionOf(evaluations.title, demo.title)));
    if (existing) continue;
    const { groups, statements, ...fields } = demo;
    const [evaluation] = await tx
      .insert(evaluations)
      .values({ projectId, ...fields })
      .returning({ id: evaluations.id });
    const groupRows = await tx
      .insert(evaluationGroups)
      .values(groups.map((g) => ({ evaluationId: evaluation!.id, key: g.key, name: g.name })))
      .returning({ id: evaluationGroups.id, key: evaluationGroups.key });
    // Every published figure is pinned to the dashboard; one asked of one group only, for that group.
    const statementRows = await tx
      .insert(evaluationStatements)
      .values(
        statements.map((s, position) => ({
          evaluationId: evaluation!.id,
          position,
          key: s.key,
          text: s.text,
          pinned: true,
          pinnedGroupId: s.askedGroups ? groupRows.find((g) => g.key === s.askedGroups![0])!.id : null,
        })),
      )
      .returning({ id: evaluationStatements.id, key: evaluationStatements.key });
    // `place`: how far into its group a person comes, so agreement can be spread evenly over the groups.
    const people = groups.flatMap((g) =>
      Array.from({ length: g.respondents }, (_, i) => ({ group: g.key, externalId: `demo-${which}-${g.key}-${i + 1}`, place: (i + 0.5) / g.respondents })),
    );
    const respondents = await tx
      .insert(evaluationRespondents)
      .values(people.map((p) => ({ evaluationId: evaluation!.id, groupId: groupRows.find((g) => g.key === p.group)!.id, externalId: p.externalId })))
      .returning({ id: evaluationRespondents.id, externalId: evaluationRespondents.externalId });
    const rows = statements.flatMap((s) => {
      const asked = people
        .map((p, i) => ({ ...p, id: respondents[i]!.id }))
        .filter((p) => !s.askedGroups || s.askedGroups.includes(p.group))
        .sort((a, b) => a.place - b.place || a.group.localeCompare(b.group));
      const statementId = statementRows.find((r) => r.key === s.key)!.id;
      // Agreeing answers alternate between the two top levels, the others over the rest of the scale.
      return asked.map((p, i) => ({
        respondentId: p.id,
        statementId,
        level: i < s.agree ? demo.scaleSize - (i % 2) : (i % (demo.scaleSize - 2)) + 1,
      }));
    });
    await tx.insert(evaluationAnswers).values(rows);
  }
}
