import type { ApiError } from "@/lib/http/api-fetch";

/** Why a commit was refused: the message, then each row and field at fault. */
export function ImportFailure({ error }: { error: ApiError }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p>{error.message}</p>
      <ul className="list-disc pl-5">
        {Object.entries(error.fieldErrors ?? {}).map(([where, message]) => (
          <li key={where}>
            {where}: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}
