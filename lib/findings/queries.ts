import "server-only";
import { ne, type SQL } from "drizzle-orm";
import { findings } from "@/db/schema";
import { can } from "@/lib/policy";
import type { UseCaseCtx } from "@/lib/use-case";

/** The findings the reader may see: drafts are the team's, partners read them only once submitted. */
export function visibleFindings(ctx: UseCaseCtx): SQL | undefined {
  return can(ctx.access, "findings.readDrafts") ? undefined : ne(findings.status, "draft");
}
