import { z } from "zod";
import { attendanceStatuses } from "@/db/schema/values";

/** What a change does to a person's day: mark them attended (as `status`), excused (with a `reason`), or neither again. */
export const checkInActions = ["check_in", "undo", "excuse"] as const;

/** A person's day as a change sets it; an excuse needs its reason, which nothing else carries. */
const dayChange = {
  participantId: z.uuid(),
  day: z.iso.date(),
  /** Given, it sets the day's status; left out (a one-tap check-in), an earlier status stays. */
  status: z.enum(attendanceStatuses).nullable().default(null),
  reason: z.string().trim().max(200).default(""),
};
const reasonGiven = (item: { action?: string; kind?: string; reason: string }, issues: z.RefinementCtx) => {
  const excused = (item.action ?? item.kind) === "excuse";
  if (excused && !item.reason) issues.addIssue({ code: "custom", message: "required", path: ["reason"] });
  if (!excused && item.reason) issues.addIssue({ code: "custom", message: "invalid", path: ["reason"] });
};

/** Check-ins travel in batches (a device's outbox); each item carries the id the device gave it. */
export const checkInInput = z.object({
  projectId: z.uuid(),
  workshopId: z.uuid(),
  items: z
    .array(z.object({ id: z.uuid(), action: z.enum(checkInActions).default("check_in"), ...dayChange }).superRefine(reasonGiven))
    .min(1)
    .max(200),
});
export type CheckInInput = z.input<typeof checkInInput>;

export const attendanceDayInput = z.object({ projectId: z.uuid(), workshopId: z.uuid(), day: z.iso.date() });
export type AttendanceDayInput = z.input<typeof attendanceDayInput>;

export const checkInSearchInput = attendanceDayInput.extend({ q: z.string().trim().max(100).default("") });
export type CheckInSearchInput = z.input<typeof checkInSearchInput>;

const newParticipant = z.object({
  id: z.uuid(),
  kind: z.literal("participant"),
  // The person's fields, checked item by item as the outbox is applied, so one bad form does not refuse the outbox.
  participant: z.record(z.string(), z.unknown()),
});
const checkIn = z.object({ id: z.uuid(), kind: z.enum(checkInActions), ...dayChange });

/** A device's outbox for one workshop, in the order the changes were made. */
export const syncInput = z.object({
  projectId: z.uuid(),
  workshopId: z.uuid(),
  /** Who made the changes on the device: an outbox is only ever sent as its own user's. */
  userId: z.uuid(),
  items: z
    .array(
      z.discriminatedUnion("kind", [newParticipant, checkIn]).superRefine((item, issues) => {
        if (item.kind !== "participant") reasonGiven(item, issues);
      }),
    )
    .min(1)
    .max(200),
});
export type SyncInput = z.input<typeof syncInput>;
