import { describe, expect, it } from "vitest";
import type { OutboxEntry } from "./outbox";
import { batchSize, nextBatch } from "./sync-engine";

const entry = (seq: number, workshopId = "w1", refused = false): OutboxEntry => ({
  id: `id${seq}`,
  kind: "check_in",
  participantId: "p",
  day: "2019-06-18",
  person: { givenNames: "Ana", familyNames: "Paz", sex: "woman", institutionName: null, sector: null },
  seq,
  projectId: "p1",
  workshopId,
  createdAt: seq,
  refusal: refused ? { reason: "dayOutsideWorkshop" } : null,
});

describe("the next batch of the outbox", () => {
  it("is the oldest waiting changes of one workshop, in order, stopping where another workshop's begin", () => {
    const batch = nextBatch([entry(1, "w1", true), entry(2), entry(3), entry(4, "w2"), entry(5)]);
    expect(batch.map((e) => e.seq)).toEqual([2, 3]);
  });

  it("holds at most what the server takes in one request", () => {
    const many = Array.from({ length: 450 }, (_, i) => entry(i + 1));
    expect(nextBatch(many)).toHaveLength(batchSize);
    expect(nextBatch(many.slice(400)).map((e) => e.seq)).toEqual(many.slice(400).map((e) => e.seq));
  });

  it("is empty when only refused changes remain", () => {
    expect(nextBatch([entry(1, "w1", true)])).toEqual([]);
  });
});
