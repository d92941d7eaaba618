import { z } from "zod";
import { locales } from "@/db/schema/values";
import { blankToNull, blankToUndefined } from "@/lib/zod-fields";
import { normaliseCode } from "./code";

const workshopInput = { projectId: z.uuid(), workshopId: z.uuid() };

export const workshopCertificatesInput = z.object(workshopInput);

export const setCertificateRuleInput = z.object({
  ...workshopInput,
  minAttendancePercent: z.coerce.number().int().min(1).max(100),
  hours: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(1000).nullable()),
  minPostTestPercent: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(100).nullable().default(null)),
  version: z.coerce.number().int().min(0),
});

export const issueCertificatesInput = z.object({
  ...workshopInput,
  /** The people to issue to; none means everyone who qualifies and has none yet. */
  participantIds: z.array(z.uuid()).max(2000).default([]),
});

export const revokeCertificateInput = z.object({
  ...workshopInput,
  certificateId: z.uuid(),
  reason: z.string().trim().min(1).max(500),
});

export const certificatesFileInput = z.object({
  ...workshopInput,
  /** One person's certificate; none gives the whole workshop's in one file, for printing. */
  participantId: z.preprocess(blankToUndefined, z.uuid().optional()),
  /** The language of every certificate in the file; none writes each in its holder's preferred language. */
  lang: z.preprocess(blankToUndefined, z.enum(locales).optional()),
});

/** A verification code as printed (`7KQX-M2PA-9DHT`), typed in any case, with or without its dashes. */
export const verificationCodeInput = z.object({
  code: z
    .string()
    .max(40)
    .transform((v, context) => {
      const code = normaliseCode(v);
      if (!code) context.addIssue({ code: "custom", message: "certificateCode" });
      return code ?? "";
    }),
});
