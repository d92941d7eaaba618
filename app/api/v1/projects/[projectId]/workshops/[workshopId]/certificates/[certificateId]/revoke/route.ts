import { revokeCertificate } from "@/lib/certificates/use-cases";
import { apiRoute } from "@/lib/http/api";

export const POST = apiRoute(revokeCertificate);
