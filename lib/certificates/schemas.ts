import { z } from "zod";
import { locales } from "@/db/schema/values";
import { contentMatchesType } from "@/lib/http/file-signature";
import { blankToNull, blankToUndefined } from "@/lib/zod-fields";
import { normaliseCode } from "./code";

const workshopInput = { projectId: z.uuid(), workshopId: z.uuid() };

export const workshopCertificatesInput = z.object(workshopInput);

/** The organisers' logo for the certificates: a PNG or JPEG image of at most 500 kB whose first bytes agree with its type. */
export const maxLogoBytes = 500 * 1024;
const logoFile = z
  .object({
    name: z.string().trim().min(1).max(255),
    type: z.enum(["image/png", "image/jpeg"], { message: "logoType" }),
    data: z.union([z.base64().transform((b64) => Buffer.from(b64, "base64")), z.instanceof(Uint8Array).transform((bytes) => Buffer.from(bytes))]),
  })
  .refine((file) => file.data.byteLength > 0 && file.data.byteLength <= maxLogoBytes, { message: "logoTooLarge", path: ["data"] })
  .refine((file) => contentMatchesType(file.data, file.type), { message: "fileContentMismatch", path: ["type"] });

export const setCertificateRuleInput = z.object({
  ...workshopInput,
  minAttendancePercent: z.coerce.number().int().min(1).max(100),
  hours: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(1000).nullable()),
  minPostTestPercent: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(100).nullable().default(null)),
  /** A new logo replaces the one kept; `removeLogo` takes it away; neither keeps it. */
  logo: logoFile.nullable().default(null),
  removeLogo: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
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
