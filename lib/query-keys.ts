/** Every TanStack Query key in one place, so invalidation and prefetching use the same shapes. */
export const queryKeys = {
  users: {
    search: (q: string) => ["users", "search", q] as const,
  },
  participants: {
    duplicates: (fields: Record<string, string>) => ["participants", "duplicates", fields] as const,
  },
  attendance: {
    workshop: (workshopId: string) => ["attendance", workshopId] as const,
    day: (workshopId: string, day: string) => ["attendance", workshopId, day] as const,
    search: (workshopId: string, day: string, q: string) => ["attendance", workshopId, day, "search", q] as const,
  },
  institutions: {
    search: (q: string) => ["institutions", "search", q] as const,
  },
};
