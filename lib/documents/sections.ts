/** A titled table: the shape reports are built in, then written to XLSX, PDF or DOCX alike. */
export type Section = { title: string; headers: string[]; rows: (string | number)[][]; empty?: string };

/** A titled list of entries, each a heading and its lines (a finding and what supports it). */
export type EntrySection = { title: string; entries: { heading: string; lines: string[] }[]; empty?: string };

export type DocumentSpec<S extends Section | EntrySection = Section | EntrySection> = { title: string; subtitle: string; sections: S[] };

export const isEntrySection = (section: Section | EntrySection): section is EntrySection => "entries" in section;
