import { listMembers } from "@/lib/members/use-cases";
import { can } from "@/lib/policy";
import { unwrapForPage } from "@/lib/request-context";
import type { Ctx } from "@/lib/session-user";

/** The project's managers and field staff, who may be on a mission's team. */
export async function staffOptions(ctx: Ctx, projectId: string) {
  const members = unwrapForPage(await listMembers(ctx, { projectId }));
  return members.flatMap((m) => (can(m.role, "missions.read") && m.isActive && m.name !== null ? [{ value: m.userId, label: m.name }] : []));
}
