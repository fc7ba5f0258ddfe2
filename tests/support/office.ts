// LibreOffice headless (Debian's libreoffice-calc-nogui; .ci/run installs it) as the writer of the files an office
// user uploads: a workbook saved again by LibreOffice, saved as .xls, .ods or .csv in UTF-8 or GBK.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76";
export const CSV_GBK = "csv:Text - txt - csv (StarCalc):44,34,85";

function soffice(): string {
  for (const p of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"]) if (fs.existsSync(p)) return p;
  throw new Error("LibreOffice 未安装：apt-get install libreoffice-calc-nogui（.ci/run 会自动安装）");
}

/** The file LibreOffice writes when it opens `bytes` (a file named `name`) and saves it with `filter`. */
export function libreOffice(bytes: Buffer, name: string, filter: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vslc-lo-"));
  try {
    fs.writeFileSync(path.join(dir, name), bytes);
    // Its own profile: parallel test files must not share LibreOffice's user installation (it locks it).
    execFileSync(
      soffice(),
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        path.join(dir, "out"),
        path.join(dir, name),
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    const out = fs.readdirSync(path.join(dir, "out"));
    if (out.length !== 1) throw new Error(`LibreOffice wrote ${out.length} files for ${filter}`);
    return fs.readFileSync(path.join(dir, "out", out[0]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
