// A workshop's 60 certificates as one PDF, server side (issue 17: under 5 s). Run by bench/learning.ts.
import { performance } from "node:perf_hooks";
import { certificatesPdf } from "@/lib/certificates/document";
import { percentile } from "./measure";

async function main() {
  const toPrint = {
    workshop: {
      title: "Formación en identificación de víctimas",
      city: "Tegucigalpa",
      venue: "Hotel Honduras Maya",
      startDate: "2026-11-30",
      endDate: "2026-12-01",
      facilitators: "María López, Juan Pérez",
    },
    hours: 16,
    // A small PNG as the organisers' logo, printed on each of the 60 pages.
    logo: { type: "image/png", data: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64") },
    days: 2,
    certificates: Array.from({ length: 60 }, (_, i) => ({
      code: `7KQX-M2PA-${String(1000 + i)}`,
      language: "es" as const,
      name: `Participante Número ${i + 1}`,
      institutionName: "Policía Nacional de Honduras",
      daysAttended: 2,
    })),
  };
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    size = (await certificatesPdf(toPrint, "https://atelier.example.org")).byteLength;
    times.push(performance.now() - start);
  }
  console.log(
    `Certificates, 60 people in one PDF (server side, 5 runs): median ${percentile(times, 50).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms, ${(size / 1024).toFixed(0)} kB — target < 5 s: ${Math.max(...times) < 5000 ? "met" : "NOT met"}`,
  );
}

await main();
