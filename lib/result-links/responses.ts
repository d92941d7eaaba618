import { z } from "zod";
import { resultLevels } from "@/db/schema/values";
import { localizedText } from "@/lib/narrative";

/** A result of the logic model something is linked to, as that thing's page names it. */
export const linkedResultRow = z.object({ id: z.string(), code: z.string(), level: z.enum(resultLevels), statement: localizedText });
