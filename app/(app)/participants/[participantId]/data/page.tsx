import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { exportParticipantData } from "@/lib/participants/personal-data";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

/** A readable copy of everything held about one person, with the same data as a JSON download. */
export default async function ParticipantDataPage({ params }: { params: Promise<{ participantId: string }> }) {
  const ctx = await getPageContext();
  const { participantId } = await params;
  const data = unwrapForPage(await exportParticipantData(ctx, { participantId }));
  if (!data) notFound();
  const t = await getTranslations("participants");
  const json = JSON.stringify(data, null, 2);
  return (
    <>
      <PageHeader
        title={t("personalDataTitle", { name: `${data.person.givenNames} ${data.person.familyNames}`.trim() })}
        actions={
          <a className={buttonClass("secondary")} href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`} download={`participant-${participantId}.json`}>
            {t("downloadJson")}
          </a>
        }
      />
      <p className="mb-4 text-sm text-slate-700">{t("personalDataExplain")}</p>
      <pre tabIndex={0} className="overflow-x-auto rounded-md border border-slate-200 bg-white p-4 text-xs" aria-label={t("personalData")}>
        {json}
      </pre>
    </>
  );
}
