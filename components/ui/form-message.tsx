import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";
import { cn } from "./cn";

/** The outcome of a form, announced to screen readers; after a conflicting save, the other version. */
export function FormMessage({ state }: { state: FormState }) {
  const t = useTranslations("common");
  if (!state.message) return null;
  const isError = state.status === "error";
  return (
    <div
      role={isError ? "alert" : "status"}
      className={cn("rounded-md border px-3 py-2 text-sm", isError ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900")}
    >
      <p>{state.message}</p>
      {state.conflict && (
        <section aria-label={t("theirVersion")} className="mt-2 rounded border border-red-200 bg-white p-2 text-slate-900">
          <h3 className="font-semibold">{t("theirVersion")}</h3>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {state.conflict.fields.map((f) => (
              <div key={f.label} className="contents">
                <dt className="text-slate-600">{f.label}</dt>
                <dd className="whitespace-pre-line">{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
