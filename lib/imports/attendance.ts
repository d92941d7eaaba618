import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { attendance, attendanceExcuses, participantProjects, participants } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { findDuplicates } from "@/lib/participants/duplicates";
import { participantSearchText } from "@/lib/participants/names";
import { insertParticipant } from "@/lib/participants/queries";
import type { FieldErrors } from "@/lib/result";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { loadWorkshop } from "@/lib/workshops/queries";
import { rememberHeaderChoices } from "./header-choices";
import { attendanceImportFields } from "./fields";
import { participantRowReader, type ParticipantFields } from "./participant-rows";
import { cellOf, type PreviewRow } from "./rows";
import { mappingOf, table } from "./schemas";
import { readDate } from "./values";
import { commitAttendanceImportOutput, previewAttendanceImportOutput } from "./responses";

/** From this score on (0 to 1), a row is taken to be the person on file without asking. */
export const certainMatch = 0.9;

export const attendanceImportInput = z.object({
  projectId: z.uuid(),
  workshopId: z.uuid(),
  /** The day of rows that have no date of their own. */
  day: z.iso.date(),
  ...table,
  mapping: mappingOf(attendanceImportFields),
  /** For rows the preview was unsure about, keyed by row number: the person meant, or "new". */
  decisions: z.record(z.string().regex(/^\d+$/), z.union([z.uuid(), z.literal("new")])).default({}),
});
export type AttendanceImportInput = z.input<typeof attendanceImportInput>;

type Candidate = { id: string; label: string; score: number };

export type AttendanceRowStatus = "matched" | "uncertain" | "new" | "error";

export type AttendancePreviewRow = Omit<PreviewRow, "status"> & {
  status: AttendanceRowStatus;
  day: string | null;
  /** The person on file the row is (or, when uncertain, may be); best first. */
  candidates: Candidate[];
  /** A decision the user took for this row, echoed back. */
  decision?: string;
  /** An earlier row of the file for the same new person. */
  sameAsRow?: number;
};

export type AttendancePreview = { rows: AttendancePreviewRow[]; counts: Record<AttendanceRowStatus, number> };

type Checked = { preview: AttendancePreviewRow; fields?: ParticipantFields; personId?: string };

/**
 * Matches each row of a filled sign-in sheet to a person on file, tolerant of accents, typos and
 * missing second family names (the duplicate finder's rule): a sure match is taken, an unsure one
 * waits for the user's decision, and someone not on file will be created once, however many
 * rows (days) the file has for them.
 */
async function checkRows(ctx: UseCaseCtx, input: z.output<typeof attendanceImportInput>): Promise<Checked[]> {
  const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
  // As at check-in: a cancelled workshop records no attendance.
  if (workshop.status === "cancelled") throw new UseCaseError("invalid", { workshopId: { key: "workshopCancelled" } });
  const read = await participantRowReader(ctx, input);
  const newPeople = new Map<string, number>();
  const checked: Checked[] = [];
  for (const [index, row] of input.rows.entries()) {
    const { preview: base, fields } = read(row, index);
    const dayText = cellOf(input.mapping, row, "day");
    const readDay = dayText ? readDate(dayText) : input.day;
    const preview: AttendancePreviewRow = { ...base, status: base.status === "error" ? "error" : "new", day: readDay ?? null, candidates: [] };
    if (readDay === undefined || readDay === null) preview.errors.day = { key: "invalidDate" };
    else if (readDay < workshop.startDate || readDay > workshop.endDate) preview.errors.day = { key: "dayOutsideWorkshop" };
    if (!fields || Object.keys(preview.errors).length > 0) {
      checked.push({ preview: { ...preview, status: "error" } });
      continue;
    }
    const found = await findDuplicates(
      { db: ctx.db, user: ctx.user },
      { givenNames: fields.givenNames, familyNames: fields.familyNames, sex: fields.sex, institutionId: fields.institutionId, email: fields.email, phone: fields.phone },
    );
    if (!found.ok) throw new UseCaseError(found.error);
    preview.candidates = found.data.map((c) => ({ id: c.id, label: `${c.givenNames} ${c.familyNames}`.trim(), score: c.score }));
    const decision = input.decisions[String(preview.row)];
    if (decision && decision !== "new" && !preview.candidates.some((c) => c.id === decision)) {
      preview.errors.participant = { key: "unknownParticipant" };
      checked.push({ preview: { ...preview, status: "error" } });
      continue;
    }
    const [best, runnerUp] = preview.candidates;
    // Sure only when no one else on file is about as close: two namesakes wait for the user.
    const isSure = best !== undefined && best.score >= certainMatch && (runnerUp === undefined || best.score - runnerUp.score > 0.05);
    if (decision) preview.decision = decision;
    if (decision && decision !== "new") {
      checked.push({ preview: { ...preview, status: "matched" }, fields, personId: decision });
    } else if (!decision && isSure) {
      checked.push({ preview: { ...preview, status: "matched" }, fields, personId: best.id });
    } else if (!decision && best) {
      checked.push({ preview: { ...preview, status: "uncertain" }, fields });
    } else {
      // One person on several rows (one per day) is created once.
      const key = `${participantSearchText(fields.givenNames, fields.familyNames)}|${fields.institutionId ?? ""}`;
      const first = newPeople.get(key);
      if (first === undefined) newPeople.set(key, preview.row);
      checked.push({ preview: { ...preview, status: "new", ...(first === undefined ? {} : { sameAsRow: first }) }, fields });
    }
  }
  return checked;
}

function summarise(checked: Checked[]): AttendancePreview {
  const counts: Record<AttendanceRowStatus, number> = { matched: 0, uncertain: 0, new: 0, error: 0 };
  for (const c of checked) counts[c.preview.status] += 1;
  return { rows: checked.map((c) => c.preview), counts };
}

export const previewAttendanceImport = defineUseCase({
  name: "attendance.importPreview",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/import/preview", response: previewAttendanceImportOutput },
  access: { kind: "project", permission: "attendance.record" },
  input: attendanceImportInput,
  write: false,
  async run(ctx, input): Promise<AttendancePreview> {
    return summarise(await checkRows(ctx, input));
  },
});

/** All or nothing: every row valid and every unsure match decided, or nothing is written. */
export const commitAttendanceImport = defineUseCase({
  name: "attendance.importCommit",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/import/commit", response: commitAttendanceImportOutput },
  access: { kind: "project", permission: "attendance.record" },
  input: attendanceImportInput,
  write: true,
  async run(ctx, input) {
    const checked = await checkRows(ctx, input);
    const refusals: FieldErrors = {};
    for (const { preview } of checked) {
      for (const [field, error] of Object.entries(preview.errors)) refusals[`row ${preview.row} · ${field}`] = error;
      if (preview.status === "uncertain") refusals[`row ${preview.row} · participant`] = { key: "matchNeedsDecision" };
    }
    if (Object.keys(refusals).length > 0) throw new UseCaseError("invalid", refusals);
    const createdFor = new Map<number, string>();
    let created = 0;
    let recorded = 0;
    for (const { preview, fields, personId } of checked) {
      let participantId = personId ?? (preview.sameAsRow === undefined ? undefined : createdFor.get(preview.sameAsRow));
      if (!participantId) {
        const { projectId, id: _id, ...rest } = fields!;
        participantId = (await insertParticipant(ctx.db, ctx.user.id, projectId, rest)).id;
        createdFor.set(preview.row, participantId);
        created += 1;
      }
      // The institution the sheet gives for that day, or else the one on file.
      const [person] = await ctx.db.select({ institutionId: participants.institutionId }).from(participants).where(eq(participants.id, participantId));
      const inserted = await ctx.db
        .insert(attendance)
        .values({
          workshopId: input.workshopId,
          participantId,
          day: preview.day!,
          institutionId: fields!.institutionId ?? person?.institutionId ?? null,
          recordedById: ctx.user.id,
        })
        .onConflictDoNothing()
        .returning({ id: attendance.id });
      recorded += inserted.length;
      // A signed sheet says the person came: an excuse for that day no longer holds.
      await ctx.db
        .delete(attendanceExcuses)
        .where(and(eq(attendanceExcuses.workshopId, input.workshopId), eq(attendanceExcuses.participantId, participantId), eq(attendanceExcuses.day, preview.day!)));
      await ctx.db.insert(participantProjects).values({ participantId, projectId: input.projectId }).onConflictDoNothing();
    }
    await rememberHeaderChoices(ctx.db, ctx.user.id, "attendance", input.headers, input.mapping);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "attendance.importCommit",
      entityType: "workshop",
      entityId: input.workshopId,
      projectId: input.projectId,
      changes: { participantsCreated: { before: null, after: created }, attendanceRecorded: { before: null, after: recorded } },
    });
    return { created, recorded, alreadyPresent: checked.length - recorded };
  },
});
