import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { attendance, certificateRules, certificates, institutions, participants, questionnaireResponses, questionnaires, type Workshop } from "@/db/schema";
import type { Db } from "@/db/client";
import { workshopDays } from "@/lib/workshops/days";

export const defaultMinAttendancePercent = 80;

/** Why someone who attended has no right to a certificate, or null when they have. */
export type NotQualified = "attendance" | "postTest" | "erased";

/** The workshop's certificate rule, its default until a manager sets one; whether it has a logo, not the logo. */
export async function certificateRuleOf(db: Db, workshopId: string) {
  const [rule] = await db
    .select({
      workshopId: certificateRules.workshopId,
      minAttendancePercent: certificateRules.minAttendancePercent,
      hours: certificateRules.hours,
      minPostTestPercent: certificateRules.minPostTestPercent,
      hasLogo: sql<boolean>`${certificateRules.logoData} is not null`,
      version: certificateRules.version,
    })
    .from(certificateRules)
    .where(eq(certificateRules.workshopId, workshopId));
  return rule ?? { workshopId, minAttendancePercent: defaultMinAttendancePercent, hours: null, minPostTestPercent: null, hasLogo: false, version: 0 };
}

/** The logo the workshop's certificates print, if any. */
export async function certificateLogoOf(db: Db, workshopId: string) {
  const [row] = await db.select({ data: certificateRules.logoData, type: certificateRules.logoType }).from(certificateRules).where(eq(certificateRules.workshopId, workshopId));
  return row?.data && row.type ? { data: Buffer.from(row.data), type: row.type } : null;
}

/** Whether `attended` of `days` days meets a minimum share (in %), compared in whole numbers so 4 of 5 meets 80 % exactly. */
export const meetsAttendance = (attended: number, days: number, minPercent: number) => attended * 100 >= minPercent * days;

/**
 * Everyone who attended the workshop, with the days they came, the share of the workshop's days
 * that makes, whether that (and their post-test, when the rule asks a score) qualifies them for a
 * certificate, and their certificate if one was issued. Ordered by family name.
 */
export async function certificateRoster(db: Db, workshop: Workshop) {
  const days = workshopDays(workshop.startDate, workshop.endDate).length;
  const [rule, rows, postTests] = await Promise.all([
    certificateRuleOf(db, workshop.id),
    db
      .select({
        participantId: participants.id,
        givenNames: participants.givenNames,
        familyNames: participants.familyNames,
        sex: participants.sex,
        isErased: participants.isErased,
        preferredLanguage: participants.preferredLanguage,
        daysAttended: sql<number>`count(*)::int`.mapWith(Number),
        // The institution of the last day they came, as the report counts them.
        institutionName: sql<string | null>`(array_agg(${institutions.name} order by ${attendance.day} desc))[1]`,
        certificate: {
          id: certificates.id,
          code: certificates.code,
          issuedAt: certificates.issuedAt,
          revokedAt: certificates.revokedAt,
          revocationReason: certificates.revocationReason,
        },
      })
      .from(attendance)
      .innerJoin(participants, eq(participants.id, attendance.participantId))
      .leftJoin(institutions, eq(institutions.id, attendance.institutionId))
      .leftJoin(certificates, and(eq(certificates.workshopId, attendance.workshopId), eq(certificates.participantId, attendance.participantId)))
      .where(eq(attendance.workshopId, workshop.id))
      .groupBy(participants.id, certificates.id)
      .orderBy(asc(participants.familyNames), asc(participants.givenNames)),
    // The post-tests of the people staff named, for a rule that asks a score.
    db
      .select({ participantId: questionnaireResponses.participantId, score: questionnaireResponses.score, maxScore: questionnaireResponses.maxScore })
      .from(questionnaireResponses)
      .innerJoin(questionnaires, eq(questionnaires.id, questionnaireResponses.questionnaireId))
      .where(and(eq(questionnaires.workshopId, workshop.id), eq(questionnaires.kind, "post_test"), isNotNull(questionnaireResponses.participantId))),
  ]);
  const postTestOf = new Map(postTests.map((t) => [t.participantId!, t]));
  const passesPostTest = (participantId: string) => {
    if (rule.minPostTestPercent === null) return true;
    const test = postTestOf.get(participantId);
    // Compared in whole numbers, so 7 of 10 meets 70 % exactly.
    return !!test && (test.score ?? 0) * 100 >= rule.minPostTestPercent * (test.maxScore ?? 0);
  };
  const people = rows.map((r) => {
    const notQualified: NotQualified | null = r.isErased
      ? "erased"
      : !meetsAttendance(r.daysAttended, days, rule.minAttendancePercent)
        ? "attendance"
        : !passesPostTest(r.participantId)
          ? "postTest"
          : null;
    return { ...r, attendancePercent: Math.round((100 * r.daysAttended) / days), notQualified, certificate: r.certificate?.id ? r.certificate : null };
  });
  return { days, rule, people };
}

export type RosterPerson = Awaited<ReturnType<typeof certificateRoster>>["people"][number];
