import { apiRoute } from "@/lib/http/api";
import { listOutgoingMail } from "@/lib/mail/use-cases";

export const GET = apiRoute(listOutgoingMail);
