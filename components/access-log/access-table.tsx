import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { AccessRow } from "@/lib/access-log/use-cases";
import { accessActionKeys, resourceKey } from "./access-labels";

/**
 * Accesses as a table: when, who, what was read and what it concerned. `personHref` links a
 * person's name (the administrator's log filters on them); without it the name is plain text.
 */
export async function AccessTable({ rows, caption, personHref }: { rows: AccessRow[]; caption: string; personHref?: (participantId: string) => string }) {
  const [t, format] = await Promise.all([getTranslations("accessLog"), getFormatter()]);
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("at")}</Th>
          <Th>{t("actor")}</Th>
          <Th>{t("action")}</Th>
          <Th>{t("concerning")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <Td className="whitespace-nowrap">{format.dateTime(row.at, { dateStyle: "short", timeStyle: "medium" })}</Td>
            <Td>{row.actorName ?? t("removedUser")}</Td>
            <Td>
              {t(`actions.${accessActionKeys[row.action]}`)}
              <br />
              <span className="text-xs text-slate-700">{t(`resources.${resourceKey(row.resource)}`)}</span>
            </Td>
            <Td className="text-sm">
              {row.participantId && (
                <div>
                  {row.participantErased || !row.participantName ? (
                    t("erasedPerson")
                  ) : personHref ? (
                    <Link href={personHref(row.participantId)}>{row.participantName}</Link>
                  ) : (
                    row.participantName
                  )}
                </div>
              )}
              {row.workshopTitle && <div>{t("workshop", { title: row.workshopTitle })}</div>}
              {row.projectCode && !row.workshopTitle && <div>{t("project", { code: row.projectCode })}</div>}
              {!row.participantId && !row.projectId && !row.workshopId && <div>{t(row.action === "file.download" ? "wholeDirectory" : "noPerson")}</div>}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
