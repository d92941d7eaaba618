import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";
import { publicRequests } from "@/db/schema";

/** How many requests one address may send to one public page in a minute, unless the page says otherwise. */
export const publicLimitPerMinute = 30;
const windowMs = 60 * 1000;

/**
 * Counts a request to a page that needs no account (`scope`) against its client address and says
 * whether it is within the limit. One statement records it, forgets requests older than the
 * window, and counts the address's, under a lock per scope and address.
 */
export async function withinPublicLimit(db: Db, scope: string, clientAddress: string, limit = publicLimitPerMinute, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - windowMs).toISOString();
  // Requests of one address wait for each other here, so a burst at the same moment is counted whole.
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${scope}|${clientAddress}`}))`);
    return executeRows<{ recent: number }>(
      tx,
      sql`with expired as (delete from ${publicRequests} where ${publicRequests.at} < ${since}),
      added as (insert into ${publicRequests} (scope, client_address, at) values (${scope}, ${clientAddress}, ${now.toISOString()}))
      select count(*)::int as recent from ${publicRequests} where scope = ${scope} and client_address = ${clientAddress} and at >= ${since}`,
    );
  });
  // The count does not see the row this statement adds.
  return Number(row!.recent) + 1 <= limit;
}
