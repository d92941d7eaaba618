import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { questionnaireQuestions, questionnaires, users, workshops } from "@/db/schema";
import type { Narrative } from "@/db/schema/values";
import { certificateRoster } from "@/lib/certificates/roster";
import { storeResponse } from "@/lib/questionnaires/store";
import { tegucigalpaWorkshopTitle } from "./workshops";

const es = (es: string, fr: string, en: string): Narrative => ({ original: "es", es, fr, en });

const testQuestions = [
  {
    type: "true_false" as const,
    text: es(
      "La trata de personas requiere cruzar una frontera.",
      "La traite des personnes exige de franchir une frontière.",
      "Trafficking in persons requires crossing a border.",
    ),
    correct: 1,
    points: 1,
  },
  {
    type: "single_choice" as const,
    text: es("¿Qué instrumento define la trata de personas?", "Quel instrument définit la traite des personnes ?", "Which instrument defines trafficking in persons?"),
    choices: [
      es("El Protocolo de Palermo", "Le Protocole de Palerme", "The Palermo Protocol"),
      es("La Convención de Viena", "La Convention de Vienne", "The Vienna Convention"),
      es("El Código Penal de 1906", "Le Code pénal de 1906", "The 1906 Penal Code"),
    ],
    correct: 0,
    points: 2,
  },
  {
    type: "single_choice" as const,
    text: es("¿A quién se deriva primero a una víctima identificada?", "À qui oriente-t-on d'abord une victime identifiée ?", "Who is an identified victim referred to first?"),
    choices: [
      es("A la CICESCT y su equipo de respuesta inmediata", "À la CICESCT et son équipe d'intervention immédiate", "To the CICESCT and its immediate response team"),
      es("A migración, para su deportación", "À la migration, pour son expulsion", "To migration, for deportation"),
    ],
    correct: 0,
    points: 2,
  },
];

const feedbackQuestions = [
  {
    type: "agreement" as const,
    text: es("El taller fue útil para mi trabajo.", "L'atelier a été utile pour mon travail.", "The workshop was useful for my work."),
    choices: [],
    correct: null,
    points: 1,
  },
  {
    type: "agreement" as const,
    text: es("Sabría aplicar el protocolo de derivación.", "Je saurais appliquer le protocole d'orientation.", "I would know how to apply the referral protocol."),
    choices: [],
    correct: null,
    points: 1,
  },
  {
    type: "open" as const,
    text: es("¿Qué mejoraría del taller?", "Qu'amélioreriez-vous dans l'atelier ?", "What would you improve in the workshop?"),
    choices: [],
    correct: null,
    points: 1,
  },
];

const openAnswers = ["Más casos prácticos.", "Más tiempo para el protocolo de derivación.", "Invitar a fiscales.", "Materiales impresos."];
const codes = ["MA07", "RO15", "LU22", "AN03", "JO30", "CA11", "MI19", "TE05"];

/**
 * The Tegucigalpa workshop's pre-test, post-test and feedback form, closed since the workshop:
 * the 28 people who came both days took both tests, 20 typed in by staff under their names and 8
 * from their phones under a pairing code; 25 answered the feedback form from their phones.
 */
export async function seedQuestionnaires(tx: Db, projectId: string) {
  const [workshop] = await tx
    .select()
    .from(workshops)
    .where(and(eq(workshops.projectId, projectId), eq(workshops.title, tegucigalpaWorkshopTitle)));
  if (!workshop) return;
  const [already] = await tx.select({ id: questionnaires.id }).from(questionnaires).where(eq(questionnaires.workshopId, workshop.id)).limit(1);
  if (already) return;
  const [manager] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.org"));
  const made = async (kind: "pre_test" | "post_test" | "feedback", title: Narrative, questions: typeof testQuestions | typeof feedbackQuestions) => {
    const [row] = await tx.insert(questionnaires).values({ workshopId: workshop.id, kind, title, status: "closed" }).returning();
    await tx.insert(questionnaireQuestions).values(questions.map((q, position) => ({ ...q, questionnaireId: row!.id, position })));
    return row!;
  };
  const pre = await made("pre_test", es("Prueba inicial", "Test initial", "Pre-test"), testQuestions);
  const post = await made("post_test", es("Prueba final", "Test final", "Post-test"), testQuestions);
  const feedback = await made("feedback", es("Opinión sobre el taller", "Appréciation de l'atelier", "Workshop feedback"), feedbackQuestions);
  const [preQuestions, postQuestions, feedbackRows] = await Promise.all(
    [pre, post, feedback].map((q) => tx.select().from(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, q.id)).orderBy(questionnaireQuestions.position)),
  );
  const { people } = await certificateRoster(tx, workshop);
  const holders = people.filter((p) => !p.notQualified);
  // Before: one in three knew the definition, few the referral; after, most knew all three.
  const answersOf = (questions: NonNullable<typeof preQuestions>, i: number, after: boolean) => ({
    [questions[0]!.id]: after || i % 3 === 0 ? "1" : "0",
    [questions[1]!.id]: (after ? i % 7 !== 0 : i % 3 === 0) ? "0" : "1",
    [questions[2]!.id]: (after ? i % 5 !== 0 : i % 4 === 0) ? "0" : "1",
  });
  for (const [i, person] of holders.entries()) {
    const byName = i < 20;
    const who = byName
      ? { participantId: person.participantId, pairingCode: null, source: "typed" as const, submittedById: manager?.id ?? null }
      : { participantId: null, pairingCode: codes[i - 20]!, source: "public" as const, submittedById: null };
    await storeResponse(tx, pre, { ...who, id: crypto.randomUUID(), answers: answersOf(preQuestions!, i, false) });
    await storeResponse(tx, post, { ...who, id: crypto.randomUUID(), answers: answersOf(postQuestions!, i, true) });
  }
  for (let i = 0; i < 25; i++) {
    const answers = {
      [feedbackRows![0]!.id]: String(i % 6 === 0 ? 3 : i % 2 ? 4 : 5),
      [feedbackRows![1]!.id]: String(i % 5 === 0 ? 2 : 4),
      ...(i % 6 === 1 ? { [feedbackRows![2]!.id]: openAnswers[i % 4]! } : {}),
    };
    await storeResponse(tx, feedback, { id: crypto.randomUUID(), participantId: null, pairingCode: null, source: "public", submittedById: null, answers });
  }
}
