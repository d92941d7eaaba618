import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { auditEntries, users } from "@/db/schema";
import { defineUseCase, type Page } from "@/lib/use-case";
import { listAuditInput } from "./schemas";

const dayMs = 24 * 60 * 60 * 1000;

export type AuditRow = {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, { before: unknown; after: unknown }>;
};

export const listAudit = defineUseCase({
  name: "audit.list",
  access: { kind: "admin" },
  input: listAuditInput,
  write: false,
  async run(ctx, input): Promise<Page<AuditRow>> {
    const filters: SQL[] = [];
    if (input.actorId) filters.push(eq(auditEntries.actorId, input.actorId));
    if (input.entityType) filters.push(eq(auditEntries.entityType, input.entityType));
    if (input.from) filters.push(gte(auditEntries.at, new Date(`${input.from}T00:00:00Z`)));
    // "to" is inclusive: the whole of that day counts.
    if (input.to) filters.push(lt(auditEntries.at, new Date(new Date(`${input.to}T00:00:00Z`).getTime() + dayMs)));
    const where = filters.length ? and(...filters) : undefined;
    const [items, [total]] = await Promise.all([
      ctx.db
        .select({
          id: auditEntries.id,
          at: auditEntries.at,
          actorId: auditEntries.actorId,
          actorName: users.name,
          action: auditEntries.action,
          entityType: auditEntries.entityType,
          entityId: auditEntries.entityId,
          changes: auditEntries.changes,
        })
        .from(auditEntries)
        .leftJoin(users, eq(users.id, auditEntries.actorId))
        .where(where)
        .orderBy(desc(auditEntries.at), desc(auditEntries.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(auditEntries).where(where),
    ]);
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  },
});
