import sharp from "sharp";
import { expect, test } from "@playwright/test";
import { login, makePilot, makeSchool, makeUser } from "../fixtures";

const stroke = (size: number, opaque = false) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${opaque ? '<rect width="100%" height="100%" fill="white"/>' : ""}<path d="M10 60 Q 30 10 50 50 T 85 40" stroke="#b91c1c" stroke-width="6" fill="none"/></svg>`,
    ),
  )
    .png()
    .toBuffer();

async function noisePng(): Promise<Buffer> {
  const w = 700;
  const raw = Buffer.alloc(w * w * 4);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width: w, height: w, channels: 4 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

test("the principal uploads the e-signature; wrong files are refused with the reason", async ({ page, browser }, info) => {
  const school = await makeSchool();
  await makePilot(school.id, ["60000011"]);
  const principal = await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id });
  const sub = await makeUser("SCHOOL_ADMIN", { schoolId: school.id });
  await login(page, "school", principal);
  await page.getByRole("link", { name: "机构管理" }).click();
  await page.getByRole("link", { name: "试点院校管理" }).click();
  await page.getByRole("button", { name: "电子签章" }).click();
  const dialog = page.getByRole("dialog", { name: "电子签章管理" });
  const file = dialog.locator('input[type="file"]');
  const alert = dialog.getByRole("alert");

  await file.setInputFiles({
    name: "签章.jpg",
    mimeType: "image/jpeg",
    buffer: await sharp({ create: { width: 95, height: 95, channels: 3, background: "#fff" } })
      .jpeg()
      .toBuffer(),
  });
  await expect(alert).toContainText("文件格式不正确，请上传电子签章（透明底色 PNG，不超过 1M）");
  await file.setInputFiles({ name: "签章.png", mimeType: "image/png", buffer: await noisePng() });
  await expect(alert).toContainText("文件过大");
  await file.setInputFiles({ name: "签章.png", mimeType: "image/png", buffer: await stroke(300) });
  await expect(alert).toContainText("签章图片尺寸应约为 95×95 像素（当前 300×300）");
  await file.setInputFiles({ name: "签章.png", mimeType: "image/png", buffer: await stroke(95, true) });
  await expect(alert).toContainText("透明背景");

  await file.setInputFiles({ name: "签章.png", mimeType: "image/png", buffer: await stroke(95) });
  await expect(dialog.getByAltText("签章预览")).toBeVisible();
  await expect(alert).toHaveCount(0);
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(alert).toContainText("电子签章使用授权委托书");
  await dialog.getByRole("checkbox").check();
  await page.screenshot({ path: info.outputPath("signature.png"), fullPage: true });
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();

  // A sub-account of the same school sees neither the buttons nor the image.
  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  await login(p2, "school", sub);
  await p2.goto("/school/schools");
  await expect(p2.getByRole("button", { name: "查看" })).toBeVisible();
  await expect(p2.getByRole("button", { name: "电子签章" })).toHaveCount(0);
  await expect(p2.getByRole("button", { name: "编辑" })).toHaveCount(0);
  await ctx.close();
});
