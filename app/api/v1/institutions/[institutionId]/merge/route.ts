import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute } from "@/lib/http/api";

// The institution in the path is the duplicate that is folded into `targetId` and then deleted.
export const POST = apiRoute<{ institutionId: string }>(api.mergeInstitution.useCase, async (request, params) => ({
  ...(await request.json()),
  sourceId: params.institutionId,
}));
