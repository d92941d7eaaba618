import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { executeRows, trigramThreshold } from "@/db/client";
import {
  attendance,
  attendanceExcuses,
  auditEntries,
  distinctParticipants,
  institutions,
  participantAffiliations,
  participantProjects,
  participants,
  type Participant,
} from "@/db/schema";
import { recordAccess } from "@/lib/access-recording";
import { diffFields, recordAudit } from "@/lib/audit";
import { pairWithRole, participantsWithRole, requireParticipantRole } from "@/lib/authz";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type Page, type UseCaseCtx } from "@/lib/use-case";
import { nextVersion } from "@/lib/audited-write";
import { participantSearchText, phoneKey } from "./names";
import { duplicatesQueueInput, findDuplicatesInput, participantPairInput } from "./schemas";
import { loadVisibleParticipant } from "./queries";
import { personalFields } from "./schemas";
import { writeNameKeys } from "./name-keys";
import { visibleParticipants } from "./visibility";
import { findDuplicatesOutput, listDuplicatePairsOutput, markDistinctOutput, mergeParticipantsOutput } from "./responses";

/** Below this name similarity (pg_trgm, 0 to 1) two people are not proposed as one. */
export const nameThreshold = trigramThreshold;

export type DuplicateReason = "sameEmail" | "samePhone" | "similarName" | "sameInstitution" | "differentSex";

type Candidate = { id: string; givenNames: string; familyNames: string; institutionId: string | null; score: number; reasons: DuplicateReason[] };

/**
 * One scoring rule for the create-time warning and the queue: name similarity, raised by a same
 * institution, lowered when both sexes are stated and differ; a same e-mail or phone decides.
 */
function scoreSql(a: { search: SQL; email: SQL; phone: SQL; institution: SQL; sex: SQL }, b: typeof a) {
  const name = sql`similarity(${a.search}, ${b.search})`;
  const sameInstitution = sql`(${a.institution} is not null and ${a.institution} = ${b.institution})`;
  const differentSex = sql`(${a.sex} in ('woman','man') and ${b.sex} in ('woman','man') and ${a.sex} <> ${b.sex})`;
  const sameEmail = sql`(${a.email} is not null and ${a.email} = ${b.email})`;
  const samePhone = sql`(${a.phone} is not null and ${a.phone} = ${b.phone})`;
  const score = sql<number>`round(least(1, greatest(
      case when ${sameEmail} then 1 else 0 end,
      case when ${samePhone} then 0.9 else 0 end,
      ${name} + case when ${sameInstitution} then 0.1 else 0 end - case when ${differentSex} then 0.25 else 0 end
    ))::numeric, 2)::float8`;
  const reasons = sql<DuplicateReason[]>`array_remove(array[
      case when ${sameEmail} then 'sameEmail' end,
      case when ${samePhone} then 'samePhone' end,
      case when ${name} >= ${nameThreshold} then 'similarName' end,
      case when ${sameInstitution} then 'sameInstitution' end,
      case when ${differentSex} then 'differentSex' end
    ], null)`;
  return { name, score, reasons, sameEmail, samePhone };
}

/** Likely duplicates of a person being entered, among the people the user may see. */
export const findDuplicates = defineUseCase({
  name: "participants.findDuplicates",
  http: { method: "get", path: "/participants/duplicates", response: findDuplicatesOutput },
  access: { kind: "directory", permission: "participants.read" },
  input: findDuplicatesInput,
  write: false,
  async run(ctx, input): Promise<Candidate[]> {
    const search = participantSearchText(input.givenNames, input.familyNames);
    if (!search && !input.email && !input.phone) return [];
    const typedPhone = phoneKey(input.phone);
    const typed = {
      search: sql`${search}`,
      email: sql`${input.email}::text`,
      phone: sql`${typedPhone}::text`,
      institution: sql`${input.institutionId}::uuid`,
      sex: sql`${input.sex}::text`,
    };
    const stored = {
      search: sql`${participants.searchText}`,
      email: sql`${participants.email}`,
      phone: sql`${participants.phoneKey}`,
      institution: sql`${participants.institutionId}`,
      sex: sql`${participants.sex}`,
    };
    const { score, reasons, name } = scoreSql(typed, stored);
    // Each way of matching has its own index: trigrams for names, plain ones for e-mail and phone.
    const ways: SQL[] = [];
    if (search) ways.push(and(sql`${participants.searchText} % ${search}`, sql`${name} >= ${nameThreshold}`)!);
    if (input.email) ways.push(eq(participants.email, input.email));
    if (typedPhone) ways.push(eq(participants.phoneKey, typedPhone));
    const filters: SQL[] = [eq(participants.isErased, false), or(...ways)!];
    const visible = visibleParticipants(ctx);
    if (visible) filters.push(visible);
    if (input.excludeId) filters.push(sql`${participants.id} <> ${input.excludeId}`);
    // `%` finds names through the trigram index, which already discards those below the threshold.
    return ctx.db
      .select({
        id: participants.id,
        givenNames: participants.givenNames,
        familyNames: participants.familyNames,
        institutionId: participants.institutionId,
        score,
        reasons,
      })
      .from(participants)
      .where(and(...filters))
      .orderBy(sql`${score} desc`, participants.familyNames)
      .limit(5);
  },
});

export type QueuePair = {
  first: { id: string; givenNames: string; familyNames: string; institutionName: string | null };
  second: { id: string; givenNames: string; familyNames: string; institutionName: string | null };
  score: number;
  reasons: DuplicateReason[];
};

/**
 * Probable pairs across the directory (those the user may decide on: both people known to one
 * project they manage), best first. People are only
 * compared within blocks that share a name key, or an e-mail, so the whole directory is
 * covered without comparing everyone with everyone.
 */
export const listDuplicatePairs = defineUseCase({
  name: "participants.duplicates",
  http: { method: "get", path: "/participants/duplicate-pairs", response: listDuplicatePairsOutput },
  access: { kind: "directory", permission: "participants.curate" },
  input: duplicatesQueueInput,
  write: false,
  async run(ctx, input): Promise<Page<QueuePair>> {
    const managed = participantsWithRole(ctx, participants.id, "participants.curate");
    const managedIds = managed ? sql`and p.id in (${ctx.db.select({ id: participants.id }).from(participants).where(managed)})` : sql``;
    const side = (alias: string) => ({
      search: sql.raw(`${alias}.search_text`),
      email: sql.raw(`${alias}.email`),
      phone: sql.raw(`${alias}.phone_key`),
      institution: sql.raw(`${alias}.institution_id`),
      sex: sql.raw(`${alias}.sex`),
    });
    // On the keys table the same rule scores names, sex and institution; contacts are looked up
    // only for the few pairs that share an e-mail or a phone. Reasons are worded for the page only.
    const keySide = (alias: string) => ({ ...side(alias), email: sql`null::text`, phone: sql`null::text` });
    const byName = scoreSql(keySide("a"), keySide("b"));
    const byContact = scoreSql(side("p1"), side("p2"));
    const { reasons } = scoreSql(side("x"), side("y"));
    const samePairProject = pairWithRole(ctx, sql`c.first_id`, sql`c.second_id`, "participants.curate");
    const eligibility = samePairProject ? sql`and c.first_id in (select id from eligible) and c.second_id in (select id from eligible)` : sql``;
    // Checked once per likely pair, after grouping, rather than on every candidate row.
    const decidable = samePairProject ? sql`and ${samePairProject}` : sql``;
    const list = await executeRows<{ first_id: string; second_id: string; score: number; reasons: DuplicateReason[]; total: number | string }>(
      ctx.db,
      sql`
      with eligible as (
        select p.id from participants p where p.is_erased = false ${managedIds}
      ),
      -- Candidates: people sharing a name key (a full key, or a partial key where one of them
      -- lacks a second family name), or an e-mail, or a phone.
      candidates as (
        select a.participant_id as first_id, b.participant_id as second_id, ${byName.score} as score
        from participant_name_keys a
        join participant_name_keys b on b.key = a.key and a.participant_id < b.participant_id
        where (a.is_full or not a.has_full or not b.has_full)
          -- A same institution adds at most 0.1 to the name score, so nothing below this can qualify.
          and ${byName.name} >= ${nameThreshold - 0.1}
        union all
        select p1.id, p2.id, ${byContact.score}
        from participants p1 join participants p2 on p2.email = p1.email and p1.id < p2.id
        where p1.email is not null
        union all
        select p1.id, p2.id, ${byContact.score}
        from participants p1 join participants p2 on p2.phone_key = p1.phone_key and p1.id < p2.id
        where p1.phone_key is not null
      ),
      likely as (
        select c.first_id, c.second_id, max(c.score) as score
        from candidates c
        where not exists (select 1 from distinct_participants d where d.first_id = c.first_id and d.second_id = c.second_id)
          ${eligibility}
        group by c.first_id, c.second_id
        having max(c.score) >= ${nameThreshold} ${decidable}
      )
      -- One row at least, so the total is known even on a page past the end.
      select page.first_id, page.second_id, page.score, page.reasons, (select count(*) from likely) as total
      from (select 1) as always
      left join lateral (
        select l.first_id, l.second_id, l.score, ${reasons} as reasons
        from (select * from likely order by score desc, first_id, second_id limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}) l
        join participants x on x.id = l.first_id
        join participants y on y.id = l.second_id
        order by l.score desc, l.first_id, l.second_id
      ) page on true`,
    );
    const found = list.filter((r) => r.first_id !== null);
    const people = await describePeople(
      ctx,
      found.flatMap((r) => [r.first_id, r.second_id]),
    );
    await recordAccess(ctx, { action: "duplicates.review", resource: "participants.duplicates" });
    return {
      items: found.map((r) => ({ first: people.get(r.first_id)!, second: people.get(r.second_id)!, score: Number(r.score), reasons: r.reasons })),
      total: Number(list[0]?.total ?? 0),
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});

async function describePeople(ctx: UseCaseCtx, ids: string[]) {
  const rows = ids.length
    ? await ctx.db
        .select({ id: participants.id, givenNames: participants.givenNames, familyNames: participants.familyNames, institutionName: institutions.name })
        .from(participants)
        .leftJoin(institutions, eq(institutions.id, participants.institutionId))
        .where(inArray(participants.id, ids))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** "Not the same person": the pair is never proposed again. */
export const markDistinct = defineUseCase({
  name: "participants.markDistinct",
  http: { method: "post", path: "/participants/{participantId}/distinct", rename: { participantId: "keepId" }, response: markDistinctOutput },
  access: { kind: "directory", permission: "participants.curate" },
  input: participantPairInput,
  write: true,
  async run(ctx, input) {
    await requireParticipantRole(ctx, [input.keepId, input.otherId], "participants.curate");
    const [firstId, secondId] = [input.keepId, input.otherId].sort() as [string, string];
    await ctx.db.insert(distinctParticipants).values({ firstId, secondId, decidedById: ctx.user.id }).onConflictDoNothing();
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "participants.markDistinct",
      entityType: "participant",
      entityId: firstId,
      changes: { distinctFrom: { before: null, after: secondId } },
    });
    return { changed: true };
  },
});

/**
 * Folds `otherId` into `keepId`: history, projects and attendance move to the person
 * kept, blank fields are filled from the other record, which is then deleted.
 */
export const mergeParticipants = defineUseCase({
  name: "participants.merge",
  http: { method: "post", path: "/participants/{participantId}/merge", rename: { participantId: "keepId" }, response: mergeParticipantsOutput },
  access: { kind: "directory", permission: "participants.curate" },
  input: participantPairInput,
  write: true,
  async run(ctx, input) {
    await requireParticipantRole(ctx, [input.keepId, input.otherId], "participants.curate");
    const keep = await loadVisibleParticipant(ctx, input.keepId);
    const other = await loadVisibleParticipant(ctx, input.otherId);
    if (keep.isErased || other.isErased) throw new UseCaseError("not_found");
    const filled: Partial<Participant> = {};
    if (keep.email === null) filled.email = other.email;
    if (keep.phone === null) Object.assign(filled, { phone: other.phone, phoneKey: other.phoneKey });
    if (keep.preferredLanguage === null) filled.preferredLanguage = other.preferredLanguage;
    // Facts that belong together are taken together, never mixed from two records.
    if (!keep.consentDate && other.consentDate) {
      Object.assign(filled, { consentDate: other.consentDate, consentForm: other.consentForm, consentRecordedById: other.consentRecordedById });
    }
    if (!keep.institutionId && other.institutionId) Object.assign(filled, { institutionId: other.institutionId, position: other.position });
    if (keep.sex === "not_stated" && other.sex !== "not_stated") filled.sex = other.sex;
    // The other record's jobs become past history of the person kept, whose own job stays current.
    await ctx.db
      .update(participantAffiliations)
      .set({ participantId: keep.id, endDate: sql`coalesce(${participantAffiliations.endDate}, current_date)` })
      .where(eq(participantAffiliations.participantId, other.id));
    // What was recorded about the other record is now the history of the person kept.
    await ctx.db
      .update(auditEntries)
      .set({ entityId: keep.id })
      .where(and(eq(auditEntries.entityType, "participant"), eq(auditEntries.entityId, other.id)));
    await ctx.db.execute(sql`
      insert into ${participantProjects} (participant_id, project_id)
      select ${keep.id}, project_id from ${participantProjects} where participant_id = ${other.id}
      on conflict do nothing`);
    // Attendance moves to the person kept; a day both records attended stays one attendance.
    await ctx.db.execute(sql`
      update ${attendance} set participant_id = ${keep.id}
      where participant_id = ${other.id}
        and not exists (select 1 from ${attendance} k where k.participant_id = ${keep.id} and k.workshop_id = ${attendance.workshopId} and k.day = ${attendance.day})`);
    // So do excuses, for days the person kept neither attended nor was excused; a day now attended is not also excused.
    await ctx.db.execute(sql`
      update ${attendanceExcuses} set participant_id = ${keep.id}
      where participant_id = ${other.id}
        and not exists (select 1 from ${attendanceExcuses} k where k.participant_id = ${keep.id} and k.workshop_id = ${attendanceExcuses.workshopId} and k.day = ${attendanceExcuses.day})
        and not exists (select 1 from ${attendance} k where k.participant_id = ${keep.id} and k.workshop_id = ${attendanceExcuses.workshopId} and k.day = ${attendanceExcuses.day})`);
    await ctx.db.execute(sql`
      delete from ${attendanceExcuses} e where e.participant_id = ${keep.id}
        and exists (select 1 from ${attendance} k where k.participant_id = ${keep.id} and k.workshop_id = e.workshop_id and k.day = e.day)`);
    await ctx.db.delete(participants).where(eq(participants.id, other.id));
    const [after] = await ctx.db
      .update(participants)
      .set({ ...filled, ...nextVersion(participants) })
      .where(eq(participants.id, keep.id))
      .returning();
    await writeNameKeys(ctx.db, after!);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "participants.merge",
      entityType: "participant",
      entityId: keep.id,
      changes: {
        ...diffFields(keep, after!, [...personalFields, "sex", "institutionId", "consentDate", "consentForm"]),
        mergedFrom: { before: { id: other.id, givenNames: other.givenNames, familyNames: other.familyNames }, after: null },
      },
    });
    return after!;
  },
});
