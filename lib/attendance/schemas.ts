import { z } from "zod";

export const checkInActions = ["check_in", "undo"] as const;

/** Check-ins travel in batches (a device's outbox); each item carries the id the device gave it. */
export const checkInInput = z.object({
  projectId: z.uuid(),
  workshopId: z.uuid(),
  items: z
    .array(
      z.object({
        id: z.uuid(),
        participantId: z.uuid(),
        day: z.iso.date(),
        action: z.enum(checkInActions).default("check_in"),
      }),
    )
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
const checkIn = z.object({ id: z.uuid(), kind: z.enum(checkInActions), participantId: z.uuid(), day: z.iso.date() });

/** A device's outbox for one workshop, in the order the changes were made. */
export const syncInput = z.object({
  projectId: z.uuid(),
  workshopId: z.uuid(),
  /** Who made the changes on the device: an outbox is only ever sent as its own user's. */
  userId: z.uuid(),
  items: z
    .array(z.discriminatedUnion("kind", [newParticipant, checkIn]))
    .min(1)
    .max(200),
});
export type SyncInput = z.input<typeof syncInput>;
