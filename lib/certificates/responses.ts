import { z } from "zod";
import { participantSexes } from "@/db/schema/values";
import { fileTypes } from "@/lib/http/declaration";

const ruleRow = z.object({
  workshopId: z.string(),
  minAttendancePercent: z.number().int(),
  hours: z.number().int().nullable(),
  minPostTestPercent: z.number().int().nullable(),
  hasLogo: z.boolean(),
  version: z.number().int(),
});

export const workshopCertificatesOutput = z.object({
  workshop: z.object({ id: z.string(), title: z.string(), startDate: z.string(), endDate: z.string() }),
  days: z.number().int(),
  rule: ruleRow,
  people: z.array(
    z.object({
      participantId: z.string(),
      givenNames: z.string(),
      familyNames: z.string(),
      sex: z.enum(participantSexes),
      isErased: z.boolean(),
      preferredLanguage: z.string().nullable(),
      institutionName: z.string().nullable(),
      daysAttended: z.number().int(),
      attendancePercent: z.number().int(),
      /** Why no certificate may be issued: too few days, a post-test under the rule's score or none, or the person's data was erased. */
      notQualified: z.enum(["attendance", "postTest", "erased"]).nullable(),
      certificate: z.object({ id: z.string(), code: z.string(), issuedAt: z.date(), revokedAt: z.date().nullable(), revocationReason: z.string() }).nullable(),
    }),
  ),
  canEditRule: z.boolean(),
  canIssue: z.boolean(),
});

export const setCertificateRuleOutput = ruleRow;
export const issueCertificatesOutput = z.object({ issued: z.number().int(), reissued: z.number().int() });
export const revokeCertificateOutput = z.object({ id: z.string(), revokedAt: z.date(), revocationReason: z.string() });
export const certificatesFileOutput = { file: [fileTypes.pdf] } as const;

/** What the public verification answers: nothing more than the workshop, its dates and the holder's initials. */
export const certificateVerificationOutput = z.object({
  status: z.enum(["valid", "revoked", "unknown"]),
  workshop: z.object({ title: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
  initials: z.string().nullable(),
});
