import { localizedText } from "@/lib/narrative";
import { z } from "zod";
import { locales, projectRoles } from "@/db/schema/values";
import { mailStatuses } from "@/db/schema/mail";
import { pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

const userShape = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  locale: z.enum(locales),
  isAdmin: z.boolean(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.date(),
});

/** The invitation mail queued with a sign-in link: its status on the "Outgoing mail" page. */
const queuedMail = z.object({ id: z.string(), status: z.enum(mailStatuses) });

export const createUserOutput = z.object({ user: userShape, signInLink: z.object({ token: z.string(), expiresAt: z.date() }).nullable(), invitation: queuedMail.nullable() });

export const getUserOutput = z.object({
  user: userShape,
  memberships: z.array(z.object({ projectId: z.string(), code: z.string(), name: localizedText, role: z.enum(projectRoles) })),
  invitation: z.object({ status: z.enum(mailStatuses), createdAt: z.date(), sentAt: z.date().nullable() }).nullable(),
  /** Whether the user signs in with a second factor. */
  secondFactor: z.boolean(),
});

export const listUsersOutput = pageOf(userShape);

export const setUserActiveOutput = z.object({ changed: z.boolean() });
