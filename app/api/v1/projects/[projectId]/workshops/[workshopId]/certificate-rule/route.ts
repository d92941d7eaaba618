import { setCertificateRule } from "@/lib/certificates/use-cases";
import { apiRoute } from "@/lib/http/api";

export const PUT = apiRoute(setCertificateRule);
