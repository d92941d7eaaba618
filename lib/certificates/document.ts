import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Workshop } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { wordingFor } from "@/lib/i18n/wording";
import { renderPdf } from "@/lib/pdf/render";

export type CertificatesToPrint = {
  workshop: Pick<Workshop, "title" | "city" | "venue" | "startDate" | "endDate" | "facilitators">;
  hours: number | null;
  logo: { data: Buffer; type: string } | null;
  days: number;
  certificates: { code: string; language: Locale; name: string; institutionName: string | null; daysAttended: number }[];
};

/** The address a certificate's QR code opens: the public verification page of its code. */
export const verificationUrl = (origin: string, code: string) => `${origin}/verify/${code}`;

function certificatePage(toPrint: CertificatesToPrint, certificate: CertificatesToPrint["certificates"][number], origin: string, first: boolean): Content[] {
  const { t, period } = wordingFor(certificate.language);
  const { workshop } = toPrint;
  const place = [workshop.venue, workshop.city].filter(Boolean).join(", ");
  const url = verificationUrl(origin, certificate.code);
  return [
    ...(toPrint.logo
      ? [
          {
            image: `data:${toPrint.logo.type};base64,${toPrint.logo.data.toString("base64")}`,
            fit: [160, 60] as [number, number],
            alignment: "center" as const,
            margin: [0, 0, 0, 12] as [number, number, number, number],
            ...(first ? {} : { pageBreak: "before" as const }),
          },
        ]
      : []),
    { text: t("certificates.document.title"), style: "title", ...(first || toPrint.logo ? {} : { pageBreak: "before" as const }) },
    { text: t("certificates.document.certifies"), alignment: "center", margin: [0, 24, 0, 8] },
    { text: certificate.name, style: "holder" },
    ...(certificate.institutionName ? [{ text: certificate.institutionName, alignment: "center" as const, margin: [0, 0, 0, 16] as [number, number, number, number] }] : []),
    { text: t("certificates.document.attended"), alignment: "center" },
    { text: workshop.title, style: "workshop" },
    {
      text: [
        period(workshop.startDate, workshop.endDate),
        place ? ` · ${place}` : "",
        toPrint.hours ? ` · ${t("certificates.document.hours", { hours: toPrint.hours })}` : "",
        ` · ${t("certificates.document.daysAttended", { attended: certificate.daysAttended, days: toPrint.days })}`,
      ].join(""),
      alignment: "center",
      margin: [0, 4, 0, 0],
    },
    ...(workshop.facilitators
      ? [{ text: t("certificates.document.organisers", { names: workshop.facilitators }), alignment: "center" as const, margin: [0, 12, 0, 0] as [number, number, number, number] }]
      : []),
    {
      margin: [0, 40, 0, 0],
      columns: [
        {
          width: "*",
          stack: [{ canvas: [{ type: "line", x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.5 }] }, { text: t("certificates.document.signature"), margin: [0, 4, 0, 0] }],
        },
        {
          width: "auto",
          stack: [
            { qr: url, fit: 90 },
            { text: t("certificates.document.code", { code: certificate.code }), fontSize: 9, margin: [0, 4, 0, 0] },
            { text: url, fontSize: 7, color: "#475569", noWrap: true },
          ],
        },
      ],
    },
  ];
}

/** Certificates as one PDF, one landscape page each, for one person or a whole workshop to print. */
export async function certificatesPdf(toPrint: CertificatesToPrint, origin: string): Promise<Uint8Array> {
  const document: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [60, 60, 60, 50],
    info: { title: toPrint.workshop.title },
    content: toPrint.certificates.flatMap((c, i) => certificatePage(toPrint, c, origin, i === 0)),
    defaultStyle: { fontSize: 12 },
    styles: {
      title: { fontSize: 26, bold: true, alignment: "center" },
      holder: { fontSize: 22, bold: true, alignment: "center" },
      workshop: { fontSize: 16, bold: true, alignment: "center", margin: [0, 6, 0, 0] },
    },
  };
  return renderPdf(document);
}
