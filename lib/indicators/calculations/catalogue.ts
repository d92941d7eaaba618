import { z } from "zod";
import { actionsDone } from "./actions-done";
import { attendances } from "./attendances";
import type { Calculation } from "./calculation";
import { evaluationAgreement } from "./evaluation-agreement";
import { findingsAnswered } from "./findings-answered";
import { institutionsReached } from "./institutions-reached";
import { learningGain } from "./learning-gain";
import { peopleCertified } from "./people-certified";
import { postTestPassed } from "./post-test-passed";
import { shareSatisfied } from "./share-satisfied";
import { uniqueParticipants } from "./unique-participants";
import { workshopsHeld } from "./workshops-held";

/** Every calculation an indicator can be computed by; a new one is one module added here. */
export const calculations = [
  uniqueParticipants,
  attendances,
  workshopsHeld,
  institutionsReached,
  evaluationAgreement,
  actionsDone,
  findingsAnswered,
  peopleCertified,
  learningGain,
  postTestPassed,
  shareSatisfied,
] as const;

export const calculationKinds = calculations.map((c) => c.kind);
export type CalculationKind = (typeof calculations)[number]["kind"];

/** A computed indicator's calculation and its parameters, as stored: `{ kind: "unique_participants", minDays: 2, … }`. */
export const calculationInput = z.discriminatedUnion(
  "kind",
  calculations.map((c) => c.params) as unknown as [(typeof calculations)[number]["params"], ...(typeof calculations)[number]["params"][]],
);
export type CalculationParams = z.output<typeof calculationInput>;

/** The module of a stored calculation. */
// biome-ignore lint/suspicious/noExplicitAny: each module takes its own parameters; the kind pairs them.
export const calculationOf = (params: CalculationParams): Calculation<any> => calculations.find((c) => c.kind === params.kind)!;
