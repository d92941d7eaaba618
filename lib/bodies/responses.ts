import { z } from "zod";
import { institutionSectors } from "@/db/schema/values";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** A body as stored. */
const bodyRow = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  description: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  acronym: z.string(),
});

export const addBodyMemberOutput = z.object({
  id: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  createdAt: z.date(),
  institutionId: z.string(),
  bodyId: z.string(),
});

export const createBodyOutput = bodyRow;

export const endBodyMembershipOutput = z.object({ changed: z.boolean() });

export const getBodyOutput = z.object({
  body: bodyRow,
  members: z.array(
    z.object({
      membershipId: z.string(),
      institutionId: z.string(),
      name: z.string(),
      acronym: z.string(),
      sector: z.enum(institutionSectors),
      startDate: z.string(),
      endDate: z.string().nullable(),
    }),
  ),
});

export const listBodiesOutput = z.array(bodyRow.pick({ id: true, name: true, acronym: true, country: true }).extend({ currentMembers: z.number() }));

export const removeBodyMembershipOutput = endBodyMembershipOutput;

export const updateBodyOutput = bodyRow;
