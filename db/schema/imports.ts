import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Column headers a person mapped to a field when importing, remembered for everyone's next
 * import of that kind: a team's own sign-in sheet maps itself the second time.
 */
export const importHeaderChoices = pgTable(
  "import_header_choices",
  {
    kind: text("kind", { enum: ["participants", "institutions", "attendance"] }).notNull(),
    // The header as guessMapping normalises it (no case, accents or punctuation).
    header: text("header").notNull(),
    field: text("field").notNull(),
    chosenById: uuid("chosen_by_id").references(() => users.id, { onDelete: "set null" }),
    chosenAt: timestamp("chosen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.header] })],
);
