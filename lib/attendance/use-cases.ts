import { recordAccess } from "@/lib/access-recording";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { workshopIdInput } from "@/lib/workshops/schemas";
import { loadWorkshop } from "@/lib/workshops/queries";
import { projectIdInput } from "@/lib/zod-fields";
import { applyCheckIns, type CheckInResult } from "./check-in";
import { offlineRosterOf, type OfflineRoster } from "./offline-roster";
import { workshopReportOf } from "./report";
import {
  getAttendanceDayOutput,
  getOfflineRosterOutput,
  getProjectAttendanceTotalsOutput,
  getSignInSheetOutput,
  getWorkshopReportFileOutput,
  getWorkshopReportOutput,
  recordCheckInsOutput,
  searchCheckInOutput,
  syncOutboxOutput,
} from "./responses";
import type { DayCounts } from "./day-counts";
import { expectedPeople, presentOn, searchCandidates, type CheckInCandidate, type PresentPerson } from "./roster";
import { attendanceDayInput, checkInInput, checkInSearchInput, syncInput } from "./schemas";
import { applyOutbox, type SyncResult } from "./sync";
import { projectAttendanceTotals, type AttendanceTotals } from "./totals";

/**
 * Records a batch of check-ins and undos from one device. Each item's id is remembered with its
 * outcome, so a retried or replayed batch changes nothing and gets the same answers; one person
 * on one day is one record, whichever device sends it first. Items are answered one by one: a
 * refused item does not hold back the others.
 */
export const recordCheckIns = defineUseCase({
  name: "attendance.checkIn",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/check-ins", response: recordCheckInsOutput },
  access: { kind: "project", permission: "attendance.record" },
  input: checkInInput,
  write: true,
  async run(ctx, input): Promise<CheckInResult[]> {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    return applyCheckIns(ctx, input.projectId, workshop, input.items);
  },
});

/** Who is present on one day of a workshop, latest first, with the day's live counters. */
export const getAttendanceDay = defineUseCase({
  name: "attendance.day",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/attendance", response: getAttendanceDayOutput },
  access: { kind: "project", permission: "attendance.record" },
  input: attendanceDayInput,
  write: false,
  async run(ctx, input): Promise<{ present: PresentPerson[]; counts: DayCounts }> {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    return presentOn(ctx, workshop.id, input.day);
  },
});

/** Search-as-you-type for the check-in screen (see searchCandidates for the order). */
export const searchCheckIn = defineUseCase({
  name: "attendance.search",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/check-in-search", response: searchCheckInOutput },
  access: { kind: "project", permission: "attendance.record" },
  input: checkInSearchInput,
  write: false,
  async run(ctx, input): Promise<CheckInCandidate[]> {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    return searchCandidates(ctx, workshop.id, input.day, input.q);
  },
});

/**
 * What a phone stores to check people in without a connection: the workshop and its days, the
 * people expected (names, institution and sex only: never an e-mail or a phone), who is already
 * present on which day, and the active institutions for the new-participant form.
 */
export const getOfflineRoster = defineUseCase({
  name: "attendance.offlineRoster",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/offline-roster", response: getOfflineRosterOutput },
  access: { kind: "project", permission: "attendance.record" },
  input: workshopIdInput,
  write: false,
  async run(ctx, input): Promise<OfflineRoster> {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const roster = await offlineRosterOf(ctx, workshop);
    // The roster goes onto a phone with the expected people's names: a download like any file.
    await recordAccess(ctx, { action: "file.download", resource: "attendance.offlineRoster", projectId: workshop.projectId, workshopId: workshop.id });
    return roster;
  },
});

/**
 * The workshop report: per day and overall, attendances, people, who came every day, and the
 * breakdowns funders ask for; the invited institutions nobody came from. Partners get the
 * figures only; staff also get the list of attendees.
 */
export const getWorkshopReport = defineUseCase({
  name: "attendance.report",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/report", response: getWorkshopReportOutput },
  access: { kind: "project", permission: "project.read" },
  input: workshopIdInput,
  write: false,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    return workshopReportOf(ctx, workshop);
  },
});

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

/**
 * What a printed sign-in sheet for one day holds: the workshop and the people expected (those
 * of invited institutions and those who came on other days), by name.
 */
export const getSignInSheet = defineUseCase({
  name: "attendance.signInSheet",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/sign-in-sheet", response: getSignInSheetOutput },
  access: { kind: "project", permission: "attendance.record" },
  input: attendanceDayInput,
  write: false,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    if (input.day < workshop.startDate || input.day > workshop.endDate) throw new UseCaseError("invalid", { day: { key: "dayOutsideWorkshop" } });
    const people = await expectedPeople(ctx, workshop.id, input.day);
    await recordAccess(ctx, { action: "file.download", resource: "attendance.signInSheet", projectId: workshop.projectId, workshopId: workshop.id });
    return { workshop, day: input.day, people };
  },
});

/**
 * Receives an offline outbox: the people created on the device first (each under the id the
 * device gave it, so a resent outbox creates no one twice; a namesake on file is left for the
 * duplicates queue), then the check-ins and undos. Each item gets its own answer. The project and
 * workshop are checked first: one that is not the caller's answers "not found". A user who has
 * lost their place in the project meanwhile, or an outbox made by another user of the device, is
 * refused as a whole. Refusals are audited, at most once a minute per user, so that a device
 * retrying (or someone probing) cannot fill the audit trail.
 */
export const syncOutbox = defineUseCase({
  name: "attendance.sync",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/sync", response: syncOutboxOutput },
  access: { kind: "user" },
  input: syncInput,
  // Its own transactions, so that the audit of a refusal is kept while the changes are not.
  write: false,
  run: (ctx, input): Promise<SyncResult[]> => applyOutbox(ctx, input),
});

/** A project's attendance at a glance, each person once. */
export const getProjectAttendanceTotals = defineUseCase({
  name: "attendance.projectTotals",
  http: { method: "get", path: "/projects/{projectId}/attendance-totals", response: getProjectAttendanceTotalsOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
  write: false,
  run: (ctx, input): Promise<AttendanceTotals> => projectAttendanceTotals(ctx, input.projectId),
});
