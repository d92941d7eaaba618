import type { Db } from "@/db/client";
import type { Locale } from "@/db/schema";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  isAdmin: boolean;
  mustChangePassword: boolean;
};

/** What every service receives: the database (or the open transaction) and the signed-in user. */
export type Ctx = { db: Db; user: SessionUser | null };
