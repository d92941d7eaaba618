import { asc, eq } from "drizzle-orm";
import { institutions } from "@/db/schema";
import { sortable } from "@/lib/search-text";
import { defineUseCase } from "@/lib/use-case";
import { workshopDays } from "@/lib/workshops/days";
import { workshopIdInput } from "@/lib/workshops/schemas";
import { loadWorkshop } from "@/lib/workshops/service";
import { expectedPeople } from "./roster";

/**
 * What a phone stores to check people in without a connection: the workshop and its days, the
 * people expected (names, institution and sex only: never an e-mail or a phone) with the days
 * each already attended, and the active institutions for the new-participant form.
 */
export const getOfflineRoster = defineUseCase({
  name: "attendance.offlineRoster",
  access: { kind: "project", roles: ["manager", "field"] },
  input: workshopIdInput,
  write: false,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const days = workshopDays(workshop.startDate, workshop.endDate);
    const [people, directory] = await Promise.all([
      expectedPeople(ctx, workshop.id, days[0]!),
      ctx.db
        .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym, sector: institutions.sector })
        .from(institutions)
        .where(eq(institutions.isActive, true))
        .orderBy(asc(sortable(institutions.name))),
    ]);
    return {
      workshop: { id: workshop.id, projectId: workshop.projectId, title: workshop.title, status: workshop.status, startDate: workshop.startDate, endDate: workshop.endDate },
      days,
      people: people.map(({ id, givenNames, familyNames, sex, institutionName }) => ({ id, givenNames, familyNames, sex, institutionName })),
      institutions: directory,
      preparedAt: new Date().toISOString(),
    };
  },
});
