import { z } from "zod";
import { projectRoles } from "@/db/schema";

export const grantRoleInput = z.object({
  projectId: z.uuid(),
  userId: z.uuid(),
  role: z.enum(projectRoles),
});
export type GrantRoleInput = z.input<typeof grantRoleInput>;

export const revokeRoleInput = z.object({ projectId: z.uuid(), userId: z.uuid() });
export type RevokeRoleInput = z.input<typeof revokeRoleInput>;
