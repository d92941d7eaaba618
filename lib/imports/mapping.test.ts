import { describe, expect, it } from "vitest";
import { institutionKinds, institutionLevels, institutionSectors, locales } from "@/db/schema/values";
import { catalogues } from "@/lib/i18n/messages";
import { participantExportColumns } from "@/lib/participants/use-cases";
import { institutionImportFields, participantImportFields } from "./fields";
import { guessMapping } from "./mapping";
import { enumReader, institutionLabels, readConsentForm, readCountry, readDate, sexReader } from "./values";

const guessParticipants = (headers: string[]) => guessMapping(headers, participantImportFields);

describe("guessMapping", () => {
  it.each([
    ["Spanish", ["Nombre", "Apellidos", "Sexo", "Institución", "Correo electrónico"]],
    ["French", ["Prénom", "Nom de famille", "Sexe", "Organisation", "Courriel"]],
    ["English", ["First name", "Last name", "Gender", "Institution", "E-mail"]],
    ["KoboToolbox group paths", ["grupo_datos/nombre", "grupo_datos/apellidos", "grupo_datos/sexo", "grupo_datos/institucion", "grupo_contacto/correo"]],
    ["odd case and spacing", ["  NOMBRES ", "APELLIDO", "sexo:", "ENTIDAD", "e_mail"]],
  ])("recognises %s sign-in sheet headers", (_label, headers) => {
    expect(guessParticipants(headers)).toMatchObject({ givenNames: 0, familyNames: 1, sex: 2, institution: 3, email: 4 });
  });

  it("leaves fields without a matching column unmapped and ignores unknown columns", () => {
    const mapping = guessParticipants(["Marca temporal", "Nombre", "Edad", "_uuid"]);
    expect(mapping).toEqual({
      givenNames: 1,
      familyNames: null,
      sex: null,
      institution: null,
      position: null,
      email: null,
      phone: null,
      consentDate: null,
      consentForm: null,
    });
  });

  it("never maps one column to two fields", () => {
    // "Nombre" and "Institución" both name an institution: the first takes the field, the second stays free.
    const mapping = guessMapping(["Nombre", "Institución", "Sigla", "País", "Sector", "Tipo", "Nivel"], institutionImportFields);
    expect(mapping).toMatchObject({ name: 0, acronym: 2, country: 3, sector: 4, kind: 5, level: 6 });
    const columns = Object.values(mapping).filter((i) => i !== null);
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns).not.toContain(1);
  });

  it("maps the first of two matching columns and leaves the second free", () => {
    const mapping = guessParticipants(["Correo", "Email", "Nombre"]);
    expect(mapping.email).toBe(0);
    expect(Object.values(mapping).filter((i) => i === 1)).toEqual([]);
  });
});

describe("sexReader", () => {
  it("reads F and M as woman and man when the column has no H", () => {
    const read = sexReader(["F", "M", "m", "f"]);
    expect(["F", "M", "m", "f"].map(read)).toEqual(["woman", "man", "man", "woman"]);
  });

  it("reads M as mujer (woman) when the column also uses H (hombre)", () => {
    const read = sexReader(["M", "H", "h", "m"]);
    expect(["M", "H", "m", "h"].map(read)).toEqual(["woman", "man", "woman", "man"]);
  });

  it.each([
    ["Mujer", "woman"],
    ["FEMME", "woman"],
    ["Female", "woman"],
    ["Femenino", "woman"],
    ["Hombre", "man"],
    ["homme", "man"],
    ["Male", "man"],
    ["Otro", "other"],
    ["Autre", "other"],
    ["Other", "other"],
    ["", "not_stated"],
    ["  ", "not_stated"],
    ["No indicado", "not_stated"],
    ["Non précisé", "not_stated"],
  ])("reads %j as %s", (value, sex) => {
    expect(sexReader([value])(value)).toBe(sex);
  });

  it.each(["Mujeres", "?", "2", "hombre mujer"])("cannot read %j", (value) => {
    expect(sexReader([value])(value)).toBeNull();
  });
});

describe("readDate", () => {
  it.each([
    ["2019-06-18", "2019-06-18"],
    ["18/06/2019", "2019-06-18"],
    ["8/6/2019", "2019-06-08"],
    ["18.06.2019", "2019-06-18"],
    ["18-06-2019", "2019-06-18"],
    ["", null],
  ])("reads %j as %j", (text, date) => {
    expect(readDate(text)).toBe(date);
  });

  it.each(["June 18", "18/06/19", "2019/06/18", "mañana"])("rejects %j", (text) => {
    expect(readDate(text)).toBeUndefined();
  });
});

describe("readConsentForm", () => {
  it.each([
    ["Escrito", "written"],
    ["signé", "written"],
    ["Verbal", "verbal"],
    ["En línea", "online"],
    ["", null],
  ])("reads %j as %j", (text, form) => {
    expect(readConsentForm(text)).toBe(form);
  });

  it("does not read an unknown form", () => {
    expect(readConsentForm("por teléfono")).toBeUndefined();
  });
});

describe("readCountry", () => {
  it.each([
    ["Honduras", "HN"],
    ["HN", "HN"],
    ["hn", "HN"],
    ["Costa Rica", "CR"],
    ["México", "MX"],
    ["Mexique", "MX"],
    ["mexico", "MX"],
    ["España", "ES"],
    ["Espagne", "ES"],
    ["Spain", "ES"],
  ])("reads %j as %s", (text, code) => {
    expect(readCountry(text)).toBe(code);
  });

  it.each(["Atlantis", "", "Centroamérica"])("does not read %j", (text) => {
    expect(readCountry(text)).toBeUndefined();
  });
});

describe("enumReader", () => {
  const readSector = enumReader(institutionSectors, institutionLabels.sectors);
  const readKind = enumReader(institutionKinds, institutionLabels.kinds);
  const readLevel = enumReader(institutionLevels, institutionLabels.levels);

  it("reads labels in each language and codes, whatever the accents and case", () => {
    expect(["Sociedad civil", "société civile", "Civil society", "civil_society", "CIVIL SOCIETY"].map(readSector)).toEqual(Array(5).fill("civil_society"));
    expect(["ONG", "NGO", "ngo"].map(readKind)).toEqual(["ngo", "ngo", "ngo"]);
    expect(["Nacional", "National", "Regional", "Régional", "local"].map(readLevel)).toEqual(["national", "national", "regional", "regional", "local"]);
  });

  it("does not read an unknown label", () => {
    expect(readSector("Cooperativa")).toBeUndefined();
  });
});

describe("guessMapping on Atelier's own exports", () => {
  it.each(locales)("recognises the participant export headers in %s", (locale) => {
    const labels = catalogues[locale].participants;
    const headers = participantExportColumns.map((column) => (column === "institution" ? labels.institution : labels[column]));
    expect(guessParticipants(headers)).toEqual({
      familyNames: 0,
      givenNames: 1,
      sex: 2,
      institution: 3,
      position: 4,
      email: 5,
      phone: 6,
      consentDate: 7,
      consentForm: 8,
    });
  });
});
