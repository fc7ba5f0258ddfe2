// Photo zip benchmark: 2,000 photos named by ID number through the whole photo import (name rules, capped
// inflate, sharp decode + red-border check + re-encode, storage, candidate rows), beside JSZip inflating
// every entry of the same zip and sharp decoding it once (the least any photo check needs), in the same run.
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import sharp from "sharp";
import { mb, setup } from "./import-setup";
import { withIdCheck } from "../src/domain/identifiers/id-number";

const N = Number(process.env.BENCH_PHOTOS ?? 2000);
const env = await setup();
const unique = [
  ...new Set(
    Array.from({ length: N }, (_, i) =>
      withIdCheck(
        `110108${new Date(Date.UTC(2001, 0, 1) + Math.floor(i / 400) * 86400000).toISOString().slice(0, 10).replace(/-/g, "")}${String((i % 400) * 2 + 1).padStart(3, "0")}`,
      ),
    ),
  ),
];
await env.db.candidate.createMany({
  data: unique.map((id, i) => ({
    number: `1101082026${String(i).padStart(16, "0")}`,
    type: "SCHOOL" as const,
    schoolId: env.school.id,
    name: "基准考生",
    pinyin: "ji zhun kao sheng",
    gender: "MALE" as const,
    idType: "RESIDENT_ID" as const,
    idNumber: id,
    createdById: env.user.id,
  })),
});
const person = Buffer.from(
  `<svg width="295" height="413"><ellipse cx="147" cy="165" rx="65" ry="70" fill="#d8b59a"/><rect x="44" y="256" width="207" height="157" fill="#334155"/></svg>`,
);
const zip = new JSZip();
for (const [i, id] of unique.entries()) {
  // Slightly different photos (like real ones), ~20 KB each.
  const img = await sharp({ create: { width: 295, height: 413, channels: 3, background: { r: 200 + (i % 50), g: i % 30, b: i % 25 } } })
    .composite([{ input: person }])
    .jpeg({ quality: 92 })
    .toBuffer();
  zip.file(`${id}.jpg`, img);
}
const file = path.join(env.dir, "photos.zip");
fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

const p = env.phase("platform-zip", file);
const b1 = env.phase("bare-zip", file);
const b = env.phase("bare-zip", file);
const bare = b.ms < b1.ms ? b : b1;
if (p.ok !== unique.length || bare.rows !== unique.length) throw new Error(`imported ${p.ok}, read ${bare.rows}, expected ${unique.length}`);
console.log(
  `platform photo import: ${unique.length} photos (${mb(fs.statSync(file).size)} MB zip) in ${p.ms.toFixed(0)} ms (${Math.round(unique.length / (p.ms / 1000))} photos/s), peak RSS ${mb(p.peak)} MB`,
);
console.log(`bare JSZip + sharp:     ${unique.length} photos in ${bare.ms.toFixed(0)} ms, peak RSS ${mb(bare.peak)} MB`);
await env.cleanup();
console.log(
  JSON.stringify({
    bench: "photos",
    n: unique.length,
    ms: Math.round(p.ms),
    baseline: "JSZip inflate + sharp raw decode of every entry of the same zip",
    baseline_ms: Math.round(bare.ms),
    ratio: Math.round((p.ms / bare.ms) * 100) / 100,
    peak_rss_mb: mb(p.peak),
    baseline_peak_rss_mb: mb(bare.peak),
    photos_per_s: Math.round(unique.length / (p.ms / 1000)),
  }),
);
