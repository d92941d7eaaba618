"use client";

import { useRef } from "react";
import type { OutboxEntry } from "@/lib/offline/outbox";

/**
 * The outbox entries to play over the roster: those still waiting, plus those the server just
 * confirmed until a roster fetched after the confirmation arrives. Without the latter, a person
 * checked in would flicker back to absent between the sync and the roster's refresh.
 */
export function useSettledOverlay(entries: OutboxEntry[], rosterUpdatedAt: number): OutboxEntry[] {
  const seen = useRef(new Map<number, OutboxEntry>());
  const settled = useRef(new Map<number, { entry: OutboxEntry; at: number }>());
  const now = Date.now();
  const current = new Set(entries.map((e) => e.seq));
  for (const [seq, entry] of seen.current) {
    if (!current.has(seq) && !settled.current.has(seq)) settled.current.set(seq, { entry, at: now });
  }
  seen.current = new Map(entries.map((e) => [e.seq, e]));
  for (const [seq, { at }] of settled.current) if (rosterUpdatedAt > at) settled.current.delete(seq);
  const recent = [...settled.current.values()].map((s) => s.entry).filter((e) => !e.refusal);
  return [...recent, ...entries].sort((a, b) => a.seq - b.seq);
}
