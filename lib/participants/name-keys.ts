import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { participantNameKeys, type Participant } from "@/db/schema";
import { isFullKey, participantNameKeys as nameKeysFor, participantSearchText } from "./names";

type KeyedParticipant = Pick<Participant, "id" | "givenNames" | "familyNames" | "sex" | "institutionId">;

/** Replaces the keys the duplicate search matches a person by (none once erased). */
export async function writeNameKeys(db: Db, participant: KeyedParticipant & Pick<Participant, "isErased">) {
  await db.delete(participantNameKeys).where(eq(participantNameKeys.participantId, participant.id));
  if (participant.isErased) return;
  await db.insert(participantNameKeys).values(nameKeyRows(participant));
}

/** The rows of participant_name_keys for one person (also used by the demo seed). */
export function nameKeyRows(participant: KeyedParticipant) {
  const keys = nameKeysFor(participant.givenNames, participant.familyNames);
  const hasFull = keys.some(isFullKey);
  const searchText = participantSearchText(participant.givenNames, participant.familyNames);
  const { sex, institutionId } = participant;
  return keys.map((key) => ({ participantId: participant.id, key, isFull: isFullKey(key), hasFull, searchText, sex, institutionId }));
}
