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

/** A request made with a personal API token rather than a browser session: which token, and whether it may write. */
export type TokenUse = { id: string; access: "read" | "write" };

/** What every service receives: the database (or the open transaction), the signed-in user, and the token a program used, if any. */
export type Ctx = { db: Db; user: SessionUser | null; token?: TokenUse };
