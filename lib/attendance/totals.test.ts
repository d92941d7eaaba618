import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows, type Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { mergeParticipants } from "@/lib/participants/duplicates";
import { expectOk } from "@/lib/testing/helpers";
import { checkInItem, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { recordCheckIns, getProjectAttendanceTotals } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The tally as the database keeps it, and as counting every record gives it. */
async function tallies(projectId: string) {
  const kept = await executeRows<{ participant_id: string; records: number }>(
    database.db,
    sql`select participant_id, records from attendance_project_people where project_id = ${projectId} order by participant_id`,
  );
  const counted = await executeRows<{ participant_id: string; records: number }>(
    database.db,
    sql`select a.participant_id, count(*)::int as records from attendance a join workshops w on w.id = a.workshop_id
        where w.project_id = ${projectId} group by a.participant_id order by a.participant_id`,
  );
  return { kept, counted };
}

describe("the per-project tally of attendance", () => {
  it("agrees with the records through check-ins, undos, a merge and a second workshop", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const first = await insertWorkshop(database.db, world.projectId);
    const second = await insertWorkshop(database.db, world.projectId, { startDate: "2020-01-10", endDate: "2020-01-10" });
    const ana = await insertPerson(database.db, world.projectId, "Ana", "Cruz", "woman");
    const luis = await insertPerson(database.db, world.projectId, "Luis", "Paz", "man");
    const twin = await insertPerson(database.db, world.projectId, "Ana", "Crus", "woman");
    const send = (workshopId: string, items: ReturnType<typeof checkInItem>[]) => recordCheckIns(manager, { projectId: world.projectId, workshopId, items });
    expectOk(await send(first.id, [checkInItem(ana.id, "2019-06-18"), checkInItem(ana.id, "2019-06-19"), checkInItem(luis.id, "2019-06-18"), checkInItem(twin.id, "2019-06-19")]));
    expectOk(await send(second.id, [checkInItem(twin.id, "2020-01-10"), checkInItem(luis.id, "2020-01-10")]));
    expectOk(await send(first.id, [checkInItem(luis.id, "2019-06-18", "undo")]));
    let { kept, counted } = await tallies(world.projectId);
    expect(kept).toEqual(counted);
    // The twin's days move to Ana; the day both came stays one record.
    expectOk(await mergeParticipants(manager, { keepId: ana.id, otherId: twin.id }));
    ({ kept, counted } = await tallies(world.projectId));
    expect(kept).toEqual(counted);
    expect(expectOk(await getProjectAttendanceTotals(manager, { projectId: world.projectId }))).toMatchObject({ attendances: 4, participants: 2, women: 1, men: 1 });
  });
});
