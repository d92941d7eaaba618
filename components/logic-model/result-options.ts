import "server-only";
import { getLocale } from "next-intl/server";
import type { Option } from "@/components/ui/field";
import { getLogicModel } from "@/lib/logic-model/use-cases";
import { narrativeFor } from "@/lib/narrative";
import { unwrapForPage } from "@/lib/request-context";
import type { Ctx } from "@/lib/session-user";

/**
 * The results of a project's logic model a form links to, labelled "code — statement" in the
 * reader's language: the outputs (for workshops, missions, actions) or the outcomes (for findings).
 */
export async function resultOptions(ctx: Ctx, projectId: string, levels: "outputs" | "outcomes"): Promise<Option[]> {
  const [{ results }, locale] = await Promise.all([getLogicModel(ctx, { projectId }).then(unwrapForPage), getLocale()]);
  return results.filter((r) => (r.level === "output") === (levels === "outputs")).map((r) => ({ value: r.id, label: `${r.code} — ${narrativeFor(r.statement, locale).text}` }));
}
