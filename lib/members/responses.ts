import { z } from "zod";
import { projectRoles } from "@/db/schema/values";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const grantRoleOutput = z.object({ changed: z.boolean() });

export const listMembersOutput = z.array(
  z.object({
    email: z.string().nullable(),
    userId: z.string(),
    name: z.string().nullable(),
    role: z.enum(projectRoles),
    isActive: z.boolean(),
  }),
);

export const revokeRoleOutput = grantRoleOutput;
