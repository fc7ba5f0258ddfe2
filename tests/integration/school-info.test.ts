import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { useTestDb } from "../support/db";
import { caller, login, requester } from "../support/trpc";
import { bigPng, claimedPng, jpeg, signaturePng } from "../support/images";
import { fixedClock } from "@/server/clock";
import { makeSchool, makeUser, PASSWORD } from "../support/factories";
import type { SessionUser } from "@/server/session-user";
import { LocalStorage } from "@/server/storage";
import { storeUpload } from "@/server/files/upload";
import { canDownload } from "@/server/files/access";
import { checkUpload } from "@/domain/files/rules";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
const s: Record<string, SessionUser> = {};
const storage = new LocalStorage(fs.mkdtempSync(path.join(os.tmpdir(), "vslc-up-")));

let mine = "";
let theirs = "";
beforeAll(async () => {
  [mine, theirs] = [(await makeSchool(t.db)).id, (await makeSchool(t.db, { regionCode: "420111" })).id];
  const accounts = {
    principal: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: mine }),
    sub: await makeUser(t.db, "SCHOOL_ADMIN", { schoolId: mine }),
    other: await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: theirs }),
  };
  for (const [k, u] of Object.entries(accounts)) {
    clock.advance(61_000);
    s[k] = await login(t.db, clock, u.account, PASSWORD);
  }
}, 60_000);

const api = (k: string) => caller(t.db, { clock, session: s[k] });
const upload = (k: string, purpose: "SIGNATURE" | "SCHOOL_LOGO", name: string, bytes: Buffer) =>
  storeUpload({ db: t.db, clock, storage }, requester(s[k]), purpose, { name, size: bytes.length, bytes });

describe("upload rules", () => {
  it("check extension, size and magic bytes before storing", async () => {
    const png = await signaturePng();
    expect(checkUpload("SIGNATURE", "a.png", png.length, png)).toBeNull();
    expect(checkUpload("SIGNATURE", "a.jpg", 10, await jpeg())).toMatch(/文件格式不正确/);
    expect(checkUpload("SIGNATURE", "a.png", 2 * 1024 * 1024, png)).toMatch(/文件过大.*1M/);
    expect(checkUpload("SIGNATURE", "a.png", 100, Buffer.from("%PDF-1.7"))).toMatch(/文件内容与扩展名不符/);
    expect(checkUpload("STANDARD_ATTACHMENT", "x.pdf", 100, Buffer.from("%PDF-1.7"))).toBeNull();
  });
});

describe("signature (电子签章)", () => {
  it("accepts a transparent ~95×95 PNG and refuses the rest with the reason", async () => {
    await expect(upload("principal", "SIGNATURE", "sig.jpg", await jpeg())).rejects.toThrow("文件格式不正确");
    await expect(upload("principal", "SIGNATURE", "sig.png", await bigPng())).rejects.toThrow("文件过大");
    await expect(upload("principal", "SIGNATURE", "sig.png", await signaturePng(300))).rejects.toThrow("尺寸应约为 95×95 像素（当前 300×300）");
    await expect(upload("principal", "SIGNATURE", "sig.png", await signaturePng(95, true))).rejects.toThrow("透明背景");
    // A picture too large to decode is named as such, with its size, for every image upload.
    for (const purpose of ["SIGNATURE", "SCHOOL_LOGO"] as const)
      await expect(upload("principal", purpose, "huge.png", claimedPng(16000, 16000))).rejects.toThrow("图片尺寸过大（16000×16000 像素）");
    expect(await t.db.storedFile.count({ where: { purpose: "SIGNATURE" } })).toBe(0);
    const ok = await upload("principal", "SIGNATURE", "sig.png", await signaturePng());
    await expect(api("principal").school.setSignature({ fileId: ok.id, agreed: false })).rejects.toThrow("电子签章使用授权委托书");
    await api("principal").school.setSignature({ fileId: ok.id, agreed: true });
    expect((await api("principal").school.mine()).signature?.fileId).toBe(ok.id);
  });

  it("is the principal's only: sub-accounts and other schools neither see nor change it", async () => {
    expect((await api("sub").school.mine()).signature).toBeNull();
    const file = await t.db.storedFile.findFirstOrThrow({ where: { purpose: "SIGNATURE" } });
    expect(await canDownload(t.db, requester(s.principal), file, clock.now())).toBe(true);
    expect(await canDownload(t.db, requester(s.sub), file, clock.now())).toBe(false);
    expect(await canDownload(t.db, requester(s.other), file, clock.now())).toBe(false);
    expect(await canDownload(t.db, null, file, clock.now())).toBe(false);
    await expect(api("sub").school.setSignature({ fileId: file.id, agreed: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Another principal cannot attach someone else's uploaded file.
    await expect(api("other").school.setSignature({ fileId: file.id, agreed: true })).rejects.toThrow("签章文件不存在");
  });
});

describe("school information", () => {
  const valid = {
    uscc: "1211000040086596XB",
    regionCode: "110107",
    address: "北京市石景山区晋元庄路5号",
    website: "https://www.ncut.edu.cn",
    intro: null,
    contactName: "黄老师",
    contactPhone: "13800001111",
    contactEmail: "x@ncut.edu.cn",
  };

  it("the principal edits it; bad input changes nothing; a sub-account cannot", async () => {
    const before = await t.db.school.findUniqueOrThrow({ where: { id: mine } });
    await expect(api("principal").school.update({ ...valid, uscc: "1211000040086596XA" })).rejects.toThrow("统一社会信用代码不正确");
    await expect(api("principal").school.update({ ...valid, contactPhone: "123" })).rejects.toThrow("联系人手机号格式不正确");
    expect(await t.db.school.findUniqueOrThrow({ where: { id: mine } })).toEqual(before);
    await expect(api("sub").school.update(valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api("principal").school.update(valid)).rejects.toThrow("请上传院校 LOGO");
    // 院校类型 is not in the form's input at all: the school keeps the type it registered with.
    await expect(api("principal").school.update({ ...valid, type: "OTHER" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const logo = await upload("principal", "SCHOOL_LOGO", "logo.jpg", await jpeg(400));
    const stored = await t.db.storedFile.findUniqueOrThrow({ where: { id: logo.id } });
    expect(stored.contentType).toBe("image/png"); // re-encoded to 100×100 PNG
    await api("principal").school.update({ ...valid, logoFileId: logo.id });
    expect(await t.db.school.findUniqueOrThrow({ where: { id: mine } })).toMatchObject({
      type: before.type,
      uscc: valid.uscc,
      contactName: "黄老师",
      logoFileId: logo.id,
    });
    // The session decides which school: another principal edits its own school only.
    expect((await api("other").school.mine()).id).toBe(theirs);
  });
});
