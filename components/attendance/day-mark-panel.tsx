"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { AttendanceStatus } from "@/db/schema/values";
import type { DayMark } from "@/lib/offline/check-in-view";

type Props = {
  name: string;
  mark: DayMark;
  onMark: (status: AttendanceStatus) => void;
  onExcuse: (reason: string) => void;
  onClose: () => void;
};

const otherStatuses = ["late", "left_early"] as const;

/**
 * The statuses one step beyond "present": late, left early, or excused with a reason. Escape
 * closes it; the reason is required before an excuse is recorded.
 */
export function DayMarkPanel({ name, mark, onMark, onExcuse, onClose }: Props) {
  const t = useTranslations("checkIn");
  const tv = useTranslations("validation");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const headingId = useId();
  const statuses = mark === null || mark === "excused" || mark === "present" ? otherStatuses : (["present", ...otherStatuses] as const);
  return (
    <section
      aria-labelledby={headingId}
      className="mt-2 flex flex-col gap-3 rounded-md border border-slate-300 bg-slate-50 p-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <h3 id={headingId} className="text-sm font-medium">
        {t("markAs", { name })}
      </h3>
      <div className="flex flex-wrap gap-2">
        {statuses
          .filter((s) => s !== mark)
          .map((status) => (
            <Button key={status} variant="secondary" onClick={() => onMark(status)}>
              {t(`statuses.${status}`)}
            </Button>
          ))}
      </div>
      <form
        className="flex flex-col gap-2"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) return setMissing(true);
          onExcuse(reason.trim());
        }}
      >
        <TextField
          name="reason"
          id={`${headingId}-reason`}
          label={t("reason")}
          hint={t("reasonHint")}
          maxLength={200}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
          error={missing ? tv("required") : undefined}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary">
            {t("saveExcuse")}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            {t("close")}
          </Button>
        </div>
      </form>
    </section>
  );
}
