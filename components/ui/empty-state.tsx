export function EmptyState({ message }: { message: string }) {
  return <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-700">{message}</p>;
}
