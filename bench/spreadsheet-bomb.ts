// Spreadsheet bomb benchmark (issue 13, hole 8): an XLSX file of about a megabyte whose sheet unzips
// to 480 MB, read the way every import reads an upload (readSpreadsheet). Three variants: the zip
// tells the truth about its size; it lies (1 KB) and its sheet is one endless row of empty cells,
// so only the size counted while inflating stops it; it lies and its sheet is rows of values, so
// the row limit stops it. Each variant runs in its own process, so its memory peak is its own.
// Prints the time to the refusal, and how far the process's memory rose above what it used before.
// Run: npm run bench:spreadsheet-bomb
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { UseCaseError } from "@/lib/result";
import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { xlsxBomb } from "@/lib/testing/spreadsheet-bomb";

const unzippedMegabytes = 480;
const timeTargetMs = 2000;
const memoryTargetMb = 256;

const variants = {
  honest: { label: "sizes told truthfully", lieAboutSize: false, repeated: undefined },
  "lying-empty-cells": { label: "sizes lie, one row of empty cells", lieAboutSize: true, repeated: undefined },
  "lying-rows": { label: "sizes lie, rows of values", lieAboutSize: true, repeated: '<row><c t="inlineStr"><is><t>Ana</t></is></c></row>' },
} as const;
type Variant = keyof typeof variants;

type Measure = { variant: Variant; fileKb: number; refusal: string; ms: number; rssMb: number; heapMb: number };

const megabytes = (bytes: number) => bytes / 1024 / 1024;

async function measure(variant: Variant): Promise<Measure> {
  const { lieAboutSize, repeated } = variants[variant];
  const file = await xlsxBomb({ megabytes: unzippedMegabytes, lieAboutSize, repeated });
  globalThis.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heap: before.heapUsed + before.external };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed + now.external);
  }, 1);
  const start = performance.now();
  const refusal = await readSpreadsheet("bomb.xlsx", file).then(
    () => "accepted",
    (error: unknown) => (error instanceof UseCaseError ? (error.fieldErrors?.file?.key ?? error.code) : String(error)),
  );
  const ms = performance.now() - start;
  clearInterval(sampler);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  return {
    variant,
    fileKb: file.byteLength / 1024,
    refusal,
    ms,
    rssMb: megabytes(Math.max(peak.rss, maxRss) - before.rss),
    heapMb: megabytes(peak.heap - before.heapUsed - before.external),
  };
}

async function main() {
  const only = process.env.BENCH_BOMB_VARIANT as Variant | undefined;
  if (only) {
    console.log(JSON.stringify(await measure(only)));
    return;
  }
  console.log(`XLSX bombs unzipping to ${unzippedMegabytes} MB, read as an import reads them (targets: under ${timeTargetMs} ms, under ${memoryTargetMb} MB more memory)\n`);
  console.log("variant                                 file      refused as         time    RSS rise  heap rise");
  let allMet = true;
  for (const variant of Object.keys(variants) as Variant[]) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], {
      env: { ...process.env, BENCH_BOMB_VARIANT: variant, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc` },
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`${variant} failed:\n${child.stderr}`);
    const m = JSON.parse(child.stdout.trim().split("\n").pop()!) as Measure;
    const met = m.refusal !== "accepted" && m.ms < timeTargetMs && m.rssMb < memoryTargetMb;
    allMet &&= met;
    console.log(
      `${variants[variant].label.padEnd(38)} ${`${m.fileKb.toFixed(0)} KB`.padStart(8)}  ${m.refusal.padEnd(17)} ${`${m.ms.toFixed(0)} ms`.padStart(8)} ${`${m.rssMb.toFixed(0)} MB`.padStart(9)} ${`${m.heapMb.toFixed(0)} MB`.padStart(9)}  ${met ? "ok" : "TARGET MISSED"}`,
    );
  }
  console.log(allMet ? "\nEvery bomb refused within the targets." : "\nSome target missed.");
}

await main();
