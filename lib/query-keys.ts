/** Every TanStack Query key in one place, so invalidation and prefetching use the same shapes. */
export const queryKeys = {
  users: {
    search: (q: string) => ["users", "search", q] as const,
  },
  participants: {
    duplicates: (fields: Record<string, string>) => ["participants", "duplicates", fields] as const,
  },
  attendance: {
    roster: (workshopId: string) => ["attendance", workshopId, "roster"] as const,
    search: (workshopId: string, q: string) => ["attendance", workshopId, "search", q] as const,
  },
  institutions: {
    search: (q: string) => ["institutions", "search", q] as const,
  },
};
