import { exportRoute } from "@/lib/http/export-route";
import { exportInstitutions, type InstitutionExportRow } from "@/lib/institutions/use-cases";

export const GET = exportRoute<InstitutionExportRow>(exportInstitutions, "institutions", (t) => [
  { header: t("institutions.name"), value: (r) => r.name },
  { header: t("institutions.acronym"), value: (r) => r.acronym },
  { header: t("institutions.country"), value: (r) => r.country },
  { header: t("institutions.sector"), value: (r) => t(`institutions.sectors.${r.sector}`) },
  { header: t("institutions.kind"), value: (r) => t(`institutions.kinds.${r.kind}`) },
  { header: t("institutions.level"), value: (r) => t(`institutions.levels.${r.level}`) },
  { header: t("institutions.parent"), value: (r) => r.parent },
  { header: t("institutions.city"), value: (r) => r.city },
  { header: t("institutions.website"), value: (r) => r.website },
]);
