export type ApiError = { message: string; fieldErrors?: Record<string, string> };

/** A JSON POST to the API; a refusal is thrown as the API's error body. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = (await response.json()) as T | ApiError;
  if (!response.ok) throw json as ApiError;
  return json as T;
}

export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** What the server read from an uploaded file, with the likely column of each field per kind of import. */
export type ReadSheet<K extends string> = { headers: string[]; rows: string[][]; guesses: Record<K, Record<string, number | null>> };

export const readSheet = async <K extends string>(file: File) => postJson<ReadSheet<K>>("/api/v1/imports/read", { fileName: file.name, data: await fileToBase64(file) });
