import { recordAccess } from "@/lib/access-recording";
import { defineUseCase } from "@/lib/use-case";
import { workshopIdInput } from "@/lib/workshops/schemas";
import { getWorkshopReport } from "./report";
import { getWorkshopReportFileOutput } from "./responses";

/**
 * The workshop report taken away as a file (Excel or PDF). The same report as the page; staff's
 * copy names the attendees, so its download is written in the access log.
 */
export const getWorkshopReportFile = defineUseCase({
  name: "attendance.reportFile",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/report/export", response: getWorkshopReportFileOutput },
  access: getWorkshopReport.definition.access,
  input: workshopIdInput,
  write: false,
  async run(ctx, input) {
    const report = await getWorkshopReport.definition.run(ctx, input);
    if (report.attendees) {
      await recordAccess(ctx, { action: "file.download", resource: "attendance.reportFile", projectId: input.projectId, workshopId: report.workshop.id });
    }
    return report;
  },
});
