import "server-only";
import { today } from "@/lib/today";

/** Past its due date and neither done nor dropped. */
export const isOverdue = (a: { dueDate: string | null; status: string }, on = today()) => Boolean(a.dueDate && a.dueDate < on && a.status !== "done" && a.status !== "dropped");
