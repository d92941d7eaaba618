import ical, { ICalEventStatus } from "ical-generator";
import type { Locale, Mission, Workshop } from "@/db/schema";
import { wordingFor } from "@/lib/i18n/wording";
import { narrativeFor } from "@/lib/narrative";

/** One day-long (or days-long) event: a workshop or a mission, with nothing about any participant. */
export type CalendarEvent = { uid: string; start: string; end: string; summary: string; location: string; description: string; url: string; cancelled: boolean };

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000);

/** An iCalendar file of the events, whole days as the app counts them (the last day included). */
export function icsOf(name: string, events: CalendarEvent[]): string {
  const calendar = ical({ name, prodId: { company: "Atelier", product: "Atelier", language: "EN" } });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      allDay: true,
      start: new Date(`${e.start}T00:00:00Z`),
      end: dayAfter(e.end),
      summary: e.summary,
      location: e.location,
      description: e.description,
      url: e.url,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** A workshop as an event: its title, dates, venue and city, its kind and a link to its page. */
export function workshopEvent(
  workshop: Pick<Workshop, "id" | "projectId" | "title" | "type" | "startDate" | "endDate" | "venue" | "city" | "status">,
  locale: Locale,
  origin: string,
): CalendarEvent {
  const { t } = wordingFor(locale);
  return {
    uid: `workshop-${workshop.id}@atelier`,
    start: workshop.startDate,
    end: workshop.endDate,
    summary: workshop.title,
    location: [workshop.venue, workshop.city].filter(Boolean).join(", "),
    description: t(`workshops.types.${workshop.type}`),
    url: `${origin}/projects/${workshop.projectId}/workshops/${workshop.id}`,
    cancelled: workshop.status === "cancelled",
  };
}

/** A mission as an event: its title in the reader's language, dates, cities and country. */
export function missionEvent(
  mission: Pick<Mission, "id" | "projectId" | "title" | "startDate" | "endDate" | "cities" | "country" | "status" | "purpose">,
  locale: Locale,
  origin: string,
): CalendarEvent {
  return {
    uid: `mission-${mission.id}@atelier`,
    start: mission.startDate,
    end: mission.endDate,
    summary: narrativeFor(mission.title, locale).text,
    location: [...mission.cities, mission.country].filter(Boolean).join(", "),
    description: mission.purpose,
    url: `${origin}/projects/${mission.projectId}/missions/${mission.id}`,
    cancelled: mission.status === "cancelled",
  };
}
