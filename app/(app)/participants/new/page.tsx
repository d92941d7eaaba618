import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getDirectoryPermissions } from "@/lib/institutions/use-cases";
import { listProjects } from "@/lib/projects/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { createParticipantAction } from "../actions";
import { ParticipantForm } from "../_components/participant-form";
import { narrativeFor } from "@/lib/narrative";

export default async function NewParticipantPage() {
  const ctx = await getPageContext();
  const { canEdit } = unwrapForPage(await getDirectoryPermissions(ctx, {}));
  if (!canEdit) notFound();
  const projects = unwrapForPage(await listProjects(ctx, { sort: "code", dir: "asc", pageSize: 100 }));
  const [t, locale] = await Promise.all([getTranslations("participants"), getLocale()]);
  return (
    <PageMessages namespaces={["institutions"]}>
      <PageHeader title={t("new")} />
      <ParticipantForm
        action={createParticipantAction}
        projects={projects.items.map((p) => ({ value: p.id, label: `${p.code} — ${narrativeFor(p.name, locale).text}` }))}
        cancelHref="/participants"
      />
    </PageMessages>
  );
}
