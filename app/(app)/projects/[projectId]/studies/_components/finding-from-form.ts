import { narrativeFromForm } from "@/lib/narrative-form";
import type { CreateFindingInput, UpdateFindingInput } from "@/lib/findings/schemas";

const list = (value: string | undefined) => (value ? value.split(",").filter(Boolean) : []);

/**
 * The finding form's flat fields as the use case takes them: texts named `title.es`, a theme that
 * is a usual one or `own:<id>`, evidence workshops as `id` or `id@day`, institutions per role.
 */
export function findingFromForm(values: Record<string, string>): CreateFindingInput & Partial<UpdateFindingInput> {
  const theme = values.theme ?? "";
  return {
    projectId: values.projectId ?? "",
    studyId: values.studyId ?? "",
    ...(values.findingId ? { findingId: values.findingId, version: Number(values.version) } : {}),
    theme: theme.startsWith("own:") ? null : theme,
    projectThemeId: theme.startsWith("own:") ? theme.slice(4) : null,
    title: narrativeFromForm(values, "title"),
    description: narrativeFromForm(values, "description"),
    priority: values.priority as "high",
    status: values.status as "draft",
    workshops: list(values.workshops).map((w) => {
      const [workshopId, day] = w.split("@");
      return { workshopId: workshopId!, day: day ?? null };
    }),
    sourceIds: list(values.sourceIds),
    outcomeId: values.outcomeId || null,
    institutions: [
      ...list(values.reportedBy).map((institutionId) => ({ institutionId, role: "reported" as const })),
      ...list(values.concerned).map((institutionId) => ({ institutionId, role: "concerned" as const })),
    ],
  };
}
