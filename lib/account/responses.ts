import { z } from "zod";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const getOfflineKeyOutput = z.object({ userId: z.string(), key: z.string() });
