/** A titled table: the one shape reports are built in, then written to XLSX or PDF alike. */
export type Section = { title: string; headers: string[]; rows: (string | number)[][]; empty?: string };

export type DocumentSpec = { title: string; subtitle: string; sections: Section[] };
