import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { ButtonLink } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { PageHeader } from "@/components/ui/page-header";
import { narrativeFor } from "@/lib/narrative";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { getRound } from "@/lib/reviews/use-cases";
import { closeRoundAction } from "../../../actions";
import { AnswerForm } from "../../../_components/answer-form";
import { CommentForm } from "../../../_components/comment-form";
import { NarrativeText } from "@/components/narrative-text";

export default async function ReviewRoundPage({ params }: { params: Promise<{ projectId: string; studyId: string; roundId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, studyId, roundId } = await params;
  const { round, findings, answers, comments, partners, isPartner, canManage } = unwrapForPage(await getRound(ctx, { projectId, roundId }));
  const [t, format, locale] = await Promise.all([getTranslations("reviews"), getFormatter(), getLocale()]);
  const base = `/projects/${projectId}/studies/${studyId}`;
  const open = !round.closedAt;
  return (
    <PageMessages namespaces={["reviews"]}>
      <PageHeader
        title={round.title}
        actions={
          <>
            <ButtonLink href={base} variant="ghost">
              {t("backToStudy")}
            </ButtonLink>
            {canManage && open && (
              <form action={closeRoundAction}>
                <input type="hidden" name="projectId" value={projectId} />
                <input type="hidden" name="roundId" value={roundId} />
                <ConfirmSubmit label={t("close")} question={t("closeQuestion")} confirmLabel={t("close")} cancelLabel={t("cancel")} variant="secondary" />
              </form>
            )}
          </>
        }
      />
      <p className="mb-4 text-sm text-slate-700">
        {t("opened", { date: format.dateTime(round.createdAt, { dateStyle: "long" }) })}
        {round.closedAt && ` · ${t("closed")}`}
      </p>
      <ol className="flex flex-col gap-6">
        {findings.map((f) => {
          const title = narrativeFor(f.title, locale).text;
          const mine = answers.find((a) => a.findingId === f.id && isPartner);
          const answered = answers.filter((a) => a.findingId === f.id);
          const notYet = partners.filter((p) => !answered.some((a) => a.userId === p.userId));
          const thread = comments.filter((c) => c.findingId === f.id);
          const author = (c: (typeof thread)[number]) => (c.mine ? t("you") : (c.authorName ?? t("aPartner")));
          return (
            <li key={f.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <section aria-label={title} className="flex flex-col gap-3">
                <h2 className="text-lg font-semibold">
                  <Link href={`${base}/findings/${f.id}`}>
                    <NarrativeText text={f.title} as="title" />
                  </Link>
                </h2>
                {isPartner ? (
                  open && <AnswerForm projectId={projectId} roundId={roundId} findingId={f.id} current={mine ?? null} label={`${t("yourAnswer")} · ${title}`} />
                ) : (
                  <div>
                    <h3 className="font-medium">{t("whoAnswered")}</h3>
                    {answered.length === 0 ? (
                      <p className="text-sm text-slate-700">{t("noAnswer")}</p>
                    ) : (
                      <ul className="flex flex-col gap-1">
                        {answered.map((a) => (
                          <li key={a.userId}>
                            <span className="font-medium">{a.name}</span>: {t(`answers.${a.answer}`)}
                            {a.comment && <span className="block whitespace-pre-line text-sm text-slate-800">{a.comment}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                    {notYet.length > 0 && <p className="text-sm text-amber-900">{t("waitingFor", { names: notYet.map((p) => p.name).join(", ") })}</p>}
                  </div>
                )}
                <div>
                  <h3 className="font-medium">{t("discussion")}</h3>
                  {thread.length === 0 && <p className="text-sm text-slate-700">{t("noComments")}</p>}
                  <ul className="flex flex-col gap-2">
                    {thread
                      .filter((c) => !c.parentId)
                      .map((c) => (
                        <li key={c.id} className="border-l-2 border-slate-300 pl-3">
                          <p className="text-xs text-slate-600">
                            {author(c)} · {format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                          </p>
                          <p className="whitespace-pre-line">{c.body}</p>
                          <ul className="mt-1 flex flex-col gap-1 pl-4">
                            {thread
                              .filter((r) => r.parentId === c.id)
                              .map((r) => (
                                <li key={r.id} className="border-l-2 border-slate-200 pl-3">
                                  <p className="text-xs text-slate-600">
                                    {author(r)} · {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                                  </p>
                                  <p className="whitespace-pre-line">{r.body}</p>
                                </li>
                              ))}
                          </ul>
                          {open && <CommentForm projectId={projectId} roundId={roundId} findingId={f.id} parentId={c.id} label={`${t("reply")} · ${author(c)}`} />}
                        </li>
                      ))}
                  </ul>
                  {open && <CommentForm projectId={projectId} roundId={roundId} findingId={f.id} label={`${t("addComment")} · ${title}`} />}
                </div>
              </section>
            </li>
          );
        })}
      </ol>
    </PageMessages>
  );
}
