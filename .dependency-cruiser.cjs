// The layers of the README's layout, checked on every import (run by `npm run lint`):
// routes (app/) → lib → db; components/ui holds no data; no import cycle between files. A type-only
// import counts: it couples the two modules all the same. Cycles between lib's folders are found by
// scripts/lint.mjs from this cruise's result (dependency-cruiser's folder scope would lump lib's
// top-level files into one node and see cycles that no import chain makes).
// Runners (db/seed, bench, scripts, e2e) sit above every layer and may import any of them.

// A domain folder of lib (lib/projects, lib/http…), as opposed to the shared modules at lib's top level.
const libFolder = "^lib/[^/]+/";
const testFile = "\\.test\\.tsx?$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-file-cycle",
      severity: "error",
      comment: "A module must not import itself back, directly or through others.",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-not-to-routes-or-components",
      severity: "error",
      comment: "lib holds the use cases every entry point shares; it never reaches up into a route or a component.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "db-not-to-upper-layers",
      severity: "error",
      comment:
        "db (client, schema, migrations) is the bottom layer. The seed is a runner that loads demo data through the use cases. lib/env.ts, the validated environment, sits below every layer (see env-is-a-leaf).",
      from: { path: "^db/", pathNot: "^db/seed/" },
      to: { path: "^(lib|app|components)/", pathNot: "^lib/env\\.ts$" },
    },
    {
      name: "env-is-a-leaf",
      severity: "error",
      comment: "Every layer, db included, reads the validated environment, so it imports nothing of the app.",
      from: { path: "^lib/env\\.ts$" },
      to: { path: "^(lib|app|components|db)/" },
    },
    {
      name: "routes-reach-db-through-lib",
      severity: "error",
      comment: "Routes and components read and write through lib's use cases; they may name the schema's types and value lists, never open the database.",
      from: { path: "^(app|components)/" },
      to: { path: "^db/", pathNot: "^db/schema/" },
    },
    {
      name: "components-not-to-routes",
      severity: "error",
      comment: "components/ is shared by routes; a route's own pieces stay under app/.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "ui-holds-no-data",
      severity: "error",
      comment: "components/ui is primitives: no domain of lib, no database.",
      from: { path: "^components/ui/" },
      to: { path: [libFolder, "^db/"], pathNot: "^lib/i18n/" },
    },
    {
      name: "ui-reaches-no-server-code",
      severity: "error",
      comment:
        "components/ui must stay usable on the client: nothing it imports, however indirectly, is server-only or the database (its lists of allowed values are plain constants).",
      from: { path: "^components/ui/" },
      to: { path: ["(^|/)node_modules/server-only/", "^db/"], pathNot: "^db/schema/values\\.ts$", reachable: true },
    },
    {
      name: "not-to-test",
      severity: "error",
      comment: "Application code never imports a test file or the test helpers of lib/testing.",
      from: { path: "^(app|components|lib|db)/", pathNot: [testFile, "^lib/testing/", "^db/seed/"] },
      to: { path: [testFile, "^lib/testing/"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to no file is a typo or a missing package.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "(^|/)(node_modules|\\.next|\\.data|public)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
