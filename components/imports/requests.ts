import { type ApiAnswer, type ApiResult, apiFetch } from "@/lib/http/api-fetch";
import type { readImportFile } from "@/lib/imports/read";

/** A typed API call's answer, with a refusal thrown as the API's error body (what the wizard's mutations expect). */
export async function answerOf<T>(call: Promise<ApiResult<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw result.error;
  return result.data;
}

function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** What the server read from an uploaded file, with the likely column of each field per kind of import. */
export type ReadSheet = ApiAnswer<typeof readImportFile>;

export const readSheet = async (file: File) => answerOf(apiFetch<typeof readImportFile>("POST /imports/read", { body: { fileName: file.name, data: await fileToBase64(file) } }));
