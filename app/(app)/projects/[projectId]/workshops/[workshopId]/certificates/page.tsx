import { getFormatter, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getWorkshopCertificates } from "@/lib/certificates/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { IssueButton } from "./_components/issue-button";
import { RevokeForm } from "./_components/revoke-form";
import { RuleForm } from "./_components/rule-form";

export default async function CertificatesPage({ params }: { params: Promise<{ projectId: string; workshopId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, workshopId } = await params;
  const { workshop, days, rule, people, canEditRule, canIssue } = unwrapForPage(await getWorkshopCertificates(ctx, { projectId, workshopId }));
  const [t, format] = await Promise.all([getTranslations("certificates"), getFormatter()]);
  const fileBase = `/api/v1/projects/${projectId}/workshops/${workshopId}/certificates/file`;
  const qualified = people.filter((p) => !p.notQualified).length;
  const issued = people.filter((p) => p.certificate && !p.certificate.revokedAt).length;
  return (
    <PageMessages namespaces={["certificates"]}>
      <PageHeader title={`${t("title")} — ${workshop.title}`} actions={issued > 0 && <DownloadLink href={fileBase}>{t("downloadAll")}</DownloadLink>} />
      <section aria-labelledby="rule" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="rule" className="mb-2 text-lg font-semibold">
          {t("rule")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          {t("ruleSummary", { percent: rule.minAttendancePercent, days, needed: Math.ceil((rule.minAttendancePercent * days) / 100) })}
          {rule.minPostTestPercent !== null && ` ${t("postTestSummary", { percent: rule.minPostTestPercent })}`}
        </p>
        {canEditRule && (
          <RuleForm
            projectId={projectId}
            workshopId={workshopId}
            minAttendancePercent={rule.minAttendancePercent}
            hours={rule.hours}
            hasLogo={rule.hasLogo}
            minPostTestPercent={rule.minPostTestPercent}
            version={rule.version}
          />
        )}
      </section>
      {people.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-700">{t("qualifyCount", { qualified, total: people.length, issued })}</p>
            {canIssue && qualified > issued && <IssueButton projectId={projectId} workshopId={workshopId} label={t("issueAll")} />}
          </div>
          <Table caption={t("title")}>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("institution")}</Th>
                <Th>{t("attended")}</Th>
                <Th>{t("qualifies")}</Th>
                <Th>{t("certificate")}</Th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => {
                const holder = `${p.givenNames} ${p.familyNames}`;
                const certificate = p.certificate;
                return (
                  <tr key={p.participantId}>
                    <Td>{holder}</Td>
                    <Td>{p.institutionName ?? "—"}</Td>
                    <Td className="tabular-nums">{t("attendedOf", { attended: p.daysAttended, days, percent: p.attendancePercent })}</Td>
                    <Td>{p.notQualified ? t(`notQualified.${p.notQualified}`) : t("yes")}</Td>
                    <Td>
                      {!certificate && (
                        <div className="flex flex-wrap items-center gap-2">
                          <span>{t("noCertificate")}</span>
                          {canIssue && !p.notQualified && (
                            <IssueButton projectId={projectId} workshopId={workshopId} participantId={p.participantId} label={t("issueOne")} variant="secondary" />
                          )}
                        </div>
                      )}
                      {certificate?.revokedAt && <span>{t("revokedBecause", { reason: certificate.revocationReason })}</span>}
                      {certificate && !certificate.revokedAt && (
                        <div className="flex flex-col gap-2">
                          <span>
                            {t("codeLabel", { code: certificate.code })} · {t("issuedOn", { date: format.dateTime(certificate.issuedAt, { dateStyle: "medium" }) })}
                          </span>
                          <div className="flex flex-wrap items-end gap-2">
                            <DownloadLink href={`${fileBase}?participantId=${p.participantId}`} variant="ghost">
                              {t("download")}
                            </DownloadLink>
                            {canIssue && !p.notQualified && (
                              <IssueButton projectId={projectId} workshopId={workshopId} participantId={p.participantId} label={t("reissue")} variant="secondary" />
                            )}
                            {canIssue && <RevokeForm projectId={projectId} workshopId={workshopId} certificateId={certificate.id} holder={holder} />}
                          </div>
                        </div>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </>
      )}
    </PageMessages>
  );
}
