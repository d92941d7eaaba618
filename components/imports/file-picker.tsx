"use client";

import { useTranslations } from "next-intl";
import type { ApiError } from "@/lib/http/api-fetch";

/** The file input of an import, with the reason a file could not be read. */
export function FilePicker({ onFile, error }: { onFile: (file: File) => void; error: ApiError | null }) {
  const t = useTranslations("imports");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
        {t("file")}
      </label>
      <input
        id="import-file"
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])}
        className="text-sm"
      />
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {Object.values(error.fieldErrors ?? {})[0] ?? error.message}
        </p>
      )}
    </div>
  );
}
