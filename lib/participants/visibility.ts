import type { SQL } from "drizzle-orm";
import { participants } from "@/db/schema";
import { participantsWithRole } from "@/lib/authz";
import type { UseCaseCtx } from "@/lib/use-case";

/**
 * The participants a user may see by name: all of them for an admin; for managers and field
 * staff, those known to a project where they hold one of those roles. Partners see none.
 */
export function visibleParticipants(ctx: UseCaseCtx): SQL | undefined {
  return participantsWithRole(ctx, participants.id);
}
