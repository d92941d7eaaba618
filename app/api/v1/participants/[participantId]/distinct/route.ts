import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute } from "@/lib/http/api";

// The person in the path is the one kept; the body names the other (`otherId`).
export const POST = apiRoute<{ participantId: string }>(api.markDistinct.useCase, async (request, params) => ({
  ...(await request.json()),
  keepId: params.participantId,
}));
