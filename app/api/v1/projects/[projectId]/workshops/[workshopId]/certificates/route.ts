import { getWorkshopCertificates, issueCertificates } from "@/lib/certificates/use-cases";
import { apiRoute } from "@/lib/http/api";

export const GET = apiRoute(getWorkshopCertificates);
export const POST = apiRoute(issueCertificates);
