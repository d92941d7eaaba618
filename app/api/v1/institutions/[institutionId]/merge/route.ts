import { apiRoute } from "@/lib/http/api";
import { mergeInstitutions } from "@/lib/institutions/use-cases";

// The institution in the path is the duplicate that is folded into `targetId` and then deleted.
export const POST = apiRoute(mergeInstitutions);
