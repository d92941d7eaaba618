import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { certificateRules, certificates, users, workshops } from "@/db/schema";
import { newCode } from "@/lib/certificates/code";
import { certificateRoster } from "@/lib/certificates/roster";
import { tegucigalpaWorkshopTitle } from "./workshops";

/** Issued by mistake to someone who left on the first morning, then revoked: the demo's revoked certificate. */
export const revokedDemoReason = "Emitida por error: la persona se retiró la primera mañana.";

/**
 * The Tegucigalpa workshop's certificates: a rule of 80 % of the days and 16 hours, a certificate
 * for each of the 28 people who came both days, issued by the manager, and one of them revoked.
 */
export async function seedCertificates(tx: Db, projectId: string) {
  const [workshop] = await tx
    .select()
    .from(workshops)
    .where(and(eq(workshops.projectId, projectId), eq(workshops.title, tegucigalpaWorkshopTitle)));
  if (!workshop) return;
  const [already] = await tx.select({ id: certificates.id }).from(certificates).where(eq(certificates.workshopId, workshop.id)).limit(1);
  if (already) return;
  await tx.insert(certificateRules).values({ workshopId: workshop.id, minAttendancePercent: 80, hours: 16 }).onConflictDoNothing();
  const [manager] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.org"));
  const { people } = await certificateRoster(tx, workshop);
  const holders = people.filter((p) => !p.notQualified);
  if (holders.length === 0) return;
  const issuedAt = new Date("2019-06-20T15:00:00Z");
  const rows = holders.map((p, i) => ({
    workshopId: workshop.id,
    participantId: p.participantId,
    code: newCode(),
    issuedAt,
    issuedById: manager?.id ?? null,
    ...(i === holders.length - 1 ? { revokedAt: new Date("2019-06-21T14:00:00Z"), revokedById: manager?.id ?? null, revocationReason: revokedDemoReason } : {}),
  }));
  await tx.insert(certificates).values(rows);
}
