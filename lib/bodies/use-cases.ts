import { and, asc, count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { bodyMemberships, coordinationBodies, institutions, type CoordinationBody } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { currentMembership } from "@/lib/institutions/queries";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { insertAudited, updateVersioned } from "@/lib/audited-write";
import { addBodyMemberInput, bodyIdInput, createBodyInput, endBodyMembershipInput, membershipIdInput, updateBodyInput } from "./schemas";
import { addBodyMemberOutput, createBodyOutput, endBodyMembershipOutput, getBodyOutput, listBodiesOutput, removeBodyMembershipOutput, updateBodyOutput } from "./responses";

const editableFields = ["name", "acronym", "country", "description"] as const;

export const listBodies = defineUseCase({
  name: "bodies.list",
  http: { method: "get", path: "/bodies", response: listBodiesOutput },
  access: { kind: "directory", permission: "directory.read" },
  input: z.object({}),
  write: false,
  async run(ctx) {
    return ctx.db
      .select({
        id: coordinationBodies.id,
        name: coordinationBodies.name,
        acronym: coordinationBodies.acronym,
        country: coordinationBodies.country,
        currentMembers: count(bodyMemberships.id),
      })
      .from(coordinationBodies)
      .leftJoin(bodyMemberships, and(eq(bodyMemberships.bodyId, coordinationBodies.id), currentMembership()))
      .groupBy(coordinationBodies.id)
      .orderBy(asc(coordinationBodies.country), asc(coordinationBodies.name));
  },
});

export const getBody = defineUseCase({
  name: "bodies.get",
  http: { method: "get", path: "/bodies/{bodyId}", response: getBodyOutput },
  access: { kind: "directory", permission: "directory.read" },
  input: bodyIdInput,
  write: false,
  async run(ctx, input) {
    const body = await loadBody(ctx.db, input.bodyId);
    const members = await ctx.db
      .select({
        membershipId: bodyMemberships.id,
        institutionId: institutions.id,
        name: institutions.name,
        acronym: institutions.acronym,
        sector: institutions.sector,
        startDate: bodyMemberships.startDate,
        endDate: bodyMemberships.endDate,
      })
      .from(bodyMemberships)
      .innerJoin(institutions, eq(institutions.id, bodyMemberships.institutionId))
      .where(eq(bodyMemberships.bodyId, body.id))
      .orderBy(asc(institutions.name), desc(bodyMemberships.startDate));
    return { body, members };
  },
});

export const createBody = defineUseCase({
  name: "bodies.create",
  http: { method: "post", path: "/bodies", status: 201, response: createBodyOutput },
  access: { kind: "directory", permission: "directory.curate" },
  input: createBodyInput,
  write: true,
  async run(ctx, input) {
    return insertAudited(ctx.db, ctx.user.id, coordinationBodies, {
      values: input,
      audit: { action: "bodies.create", entityType: "coordination_body", fields: editableFields },
    });
  },
});

export const updateBody = defineUseCase({
  name: "bodies.update",
  http: { method: "patch", path: "/bodies/{bodyId}", response: updateBodyOutput },
  access: { kind: "directory", permission: "directory.curate" },
  input: updateBodyInput,
  write: true,
  async run(ctx, input) {
    const { bodyId, version, ...fields } = input;
    const before = await loadBody(ctx.db, bodyId);
    return updateVersioned(ctx, coordinationBodies, {
      before,
      version,
      set: fields,
      audit: { action: "bodies.update", entityType: "coordination_body", fields: editableFields },
    });
  },
});

export const addBodyMember = defineUseCase({
  name: "bodies.addMember",
  http: { method: "post", path: "/bodies/{bodyId}/members", status: 201, response: addBodyMemberOutput },
  access: { kind: "directory", permission: "directory.curate" },
  input: addBodyMemberInput,
  write: true,
  async run(ctx, input) {
    await loadBody(ctx.db, input.bodyId);
    const [institution] = await ctx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, input.institutionId));
    if (!institution) throw new UseCaseError("invalid", { institutionId: { key: "unknownInstitution" } });
    const [membership] = await ctx.db.insert(bodyMemberships).values(input).returning();
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "bodies.addMember",
      entityType: "coordination_body",
      entityId: input.bodyId,
      changes: { member: { before: null, after: { institutionId: input.institutionId, startDate: input.startDate, endDate: input.endDate } } },
    });
    return membership!;
  },
});

export const endBodyMembership = defineUseCase({
  name: "bodies.endMembership",
  http: { method: "patch", path: "/bodies/{bodyId}/members/{membershipId}", response: endBodyMembershipOutput },
  access: { kind: "directory", permission: "directory.curate" },
  input: endBodyMembershipInput,
  write: true,
  async run(ctx, input) {
    const before = await loadMembership(ctx.db, input.bodyId, input.membershipId);
    if (input.endDate < before.startDate) throw new UseCaseError("invalid", { endDate: { key: "endBeforeStart" } });
    await ctx.db.update(bodyMemberships).set({ endDate: input.endDate }).where(eq(bodyMemberships.id, input.membershipId));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "bodies.endMembership",
      entityType: "coordination_body",
      entityId: before.bodyId,
      changes: { [`member:${before.institutionId}`]: { before: before.endDate, after: input.endDate } },
    });
    return { changed: true };
  },
});

export const removeBodyMembership = defineUseCase({
  name: "bodies.removeMembership",
  http: { method: "delete", path: "/bodies/{bodyId}/members/{membershipId}", response: removeBodyMembershipOutput },
  access: { kind: "directory", permission: "directory.curate" },
  input: membershipIdInput,
  write: true,
  async run(ctx, input) {
    const before = await loadMembership(ctx.db, input.bodyId, input.membershipId);
    await ctx.db.delete(bodyMemberships).where(eq(bodyMemberships.id, input.membershipId));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "bodies.removeMembership",
      entityType: "coordination_body",
      entityId: before.bodyId,
      changes: { member: { before: { institutionId: before.institutionId, startDate: before.startDate, endDate: before.endDate }, after: null } },
    });
    return { changed: true };
  },
});

async function loadBody(db: Db, bodyId: string): Promise<CoordinationBody> {
  const [body] = await db.select().from(coordinationBodies).where(eq(coordinationBodies.id, bodyId)).limit(1);
  if (!body) throw new UseCaseError("not_found");
  return body;
}

async function loadMembership(db: Db, bodyId: string, membershipId: string) {
  const [membership] = await db
    .select()
    .from(bodyMemberships)
    .where(and(eq(bodyMemberships.id, membershipId), eq(bodyMemberships.bodyId, bodyId)))
    .limit(1);
  if (!membership) throw new UseCaseError("not_found");
  return membership;
}
