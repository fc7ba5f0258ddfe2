import { randomUUID } from "node:crypto";
import JSZip from "jszip";
import sharp from "sharp";
import { expect, test } from "@playwright/test";
import { withIdCheck } from "../../src/domain/identifiers/id-number";
import { login, makeSchool, makeUser, sql } from "../fixtures";

async function idPhoto(bg = "#d40000") {
  const person = Buffer.from(
    `<svg width="295" height="413"><ellipse cx="147" cy="165" rx="65" ry="70" fill="#d8b59a"/><rect x="44" y="256" width="207" height="157" fill="#334155"/></svg>`,
  );
  return sharp({ create: { width: 295, height: 413, channels: 3, background: bg } })
    .composite([{ input: person }])
    .jpeg()
    .toBuffer();
}

async function candidate(schoolId: string, name: string, idNumber: string) {
  await sql(
    `INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", "enrolYear", status, "updatedAt")
     VALUES ($1, $2, 'SCHOOL', $3, $4, '', 'MALE', 'RESIDENT_ID', $5, extract(year FROM now())::int - 1, 'NO_PHOTO', now())`,
    [randomUUID(), `${Date.now()}${Math.floor(Math.random() * 1e12)}`.slice(0, 26), schoolId, name, idNumber],
  );
}

test("import a photo zip, 批量认证, 人工确认 the one that needs it, delete one", async ({ page }, info) => {
  test.setTimeout(120_000);
  const school = await makeSchool("110108");
  const seq = () => String(Math.floor(Math.random() * 500) * 2 + 1).padStart(3, "0");
  const good = withIdCheck(`1101082004${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}15${seq()}`);
  // A number the local verifier questions (no such region code), entered before the checks existed.
  const odd = withIdCheck(`99010820040515${seq()}`);
  await candidate(school.id, "甲同学", good);
  await candidate(school.id, "乙同学", odd);
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }));
  await page.goto("/school/candidates");
  await expect(page.locator("[data-candidate]")).toHaveCount(2);

  const zip = new JSZip();
  zip.file(`${good}.jpg`, await idPhoto());
  zip.file(`${odd}.jpg`, await idPhoto());
  zip.file("110101199001011234.jpg", await idPhoto());
  zip.file("../evil.jpg", await idPhoto());
  const file = info.outputPath("照片.zip");
  await import("node:fs").then((fs) => zip.generateAsync({ type: "nodebuffer" }).then((b) => fs.writeFileSync(file, b)));
  await page.getByRole("button", { name: "批量导入学生照片" }).click();
  const dialog = page.getByRole("dialog", { name: "批量导入学生照片" });
  await dialog.getByLabel("选择导入文件").setInputFiles(file);
  await expect(dialog.getByTestId("import-succeeded")).toHaveText("2");
  await expect(dialog.getByTestId("import-failed")).toHaveText("2");
  await dialog.getByRole("button", { name: "关闭" }).last().click();
  await expect(page.getByRole("tab", { name: /信息待认证 2/ })).toBeVisible();

  await page.getByRole("checkbox", { name: "全选本页" }).check();
  await page.getByRole("button", { name: "批量认证" }).click();
  await expect(page.getByRole("status")).toContainText("信息准确 1 名，需人工确认 1 名");
  const rowOf = (name: string) => page.locator("tbody tr").filter({ has: page.locator(`[data-candidate="${name}"]`) });
  await expect(rowOf("甲同学").getByTestId("candidate-status")).toHaveText("信息准确");
  await expect(rowOf("乙同学").getByTestId("candidate-status")).toHaveText("需人工确认");
  await expect(rowOf("甲同学").getByRole("button", { name: "人工确认" })).toHaveCount(0);
  await rowOf("乙同学").getByRole("button", { name: "人工确认" }).click();
  const confirm = page.getByRole("dialog", { name: "人工确认" });
  await expect(confirm.getByTestId("verify-reasons")).toContainText("地区码");
  await expect(confirm.getByRole("img", { name: "乙同学的照片" })).toBeVisible();
  await page.screenshot({ path: info.outputPath("confirm.png"), fullPage: true });
  await confirm.getByRole("button", { name: "确认信息准确" }).click();
  await expect(rowOf("乙同学").getByTestId("candidate-status")).toHaveText("信息准确");

  // A verified candidate's name and ID are locked in the form; with no registered certificate it may be deleted.
  await rowOf("甲同学").getByRole("button", { name: "编辑" }).click();
  await expect(page.getByRole("dialog", { name: "编辑考生" }).locator("#cd-name")).toBeDisabled();
  await page.getByRole("dialog", { name: "编辑考生" }).getByRole("button", { name: "取消" }).click();
  page.once("dialog", (d) => d.accept());
  await rowOf("甲同学").getByRole("button", { name: "删除" }).click();
  await expect(page.locator("[data-candidate]")).toHaveCount(1);
});

test("添加考生: the photo shows right after upload, before the candidate is saved", async ({ page }) => {
  const school = await makeSchool("110108");
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }));
  await page.goto("/school/candidates");
  await page.getByRole("button", { name: "添加考生" }).click();
  const d = page.getByRole("dialog");
  await d.locator('input[type="file"]').setInputFiles({ name: "照片.jpg", mimeType: "image/jpeg", buffer: await idPhoto() });
  const img = d.getByRole("img", { name: "考生照片" });
  await expect(img).toBeVisible();
  // Decoded: the preview's /api/files request answered with the picture, not 404.
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(295);
});

test("添加考生 with 就读专业 picked from the catalogue and a required phone; 查看 shows every field and the record", async ({ page }, info) => {
  const school = await makeSchool("110108");
  await login(page, "school", await makeUser("SCHOOL_PRINCIPAL", { schoolId: school.id }));
  await page.goto("/school/candidates");
  await page.getByRole("button", { name: "添加考生" }).click();
  const d = page.getByRole("dialog", { name: "添加考生" });
  const id = withIdCheck(
    `1101082004${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}21${String(Math.floor(Math.random() * 500) * 2).padStart(3, "0")}`,
  );
  await d.locator("#cd-name").fill("王玉霞");
  await d.locator("#cd-gender").selectOption("FEMALE");
  await d.locator("#cd-idnumber").fill(id);
  await d.locator("#cd-year").fill(String(new Date().getFullYear() - 1)); // last year's intake
  await d.getByRole("textbox", { name: "就读专业" }).fill("计算机应用");
  await d
    .getByRole("list", { name: "就读专业选项" })
    .getByRole("button", { name: /计算机应用技术（新版专业目录）/ })
    .click();
  await expect(d.getByTestId("picked-major")).toContainText("计算机应用技术");
  await d.getByRole("button", { name: "保存" }).click();
  await expect(d.getByRole("alert")).toHaveText("请填写手机号");
  await d.locator("#cd-phone").fill("13600000021");
  await d.getByRole("button", { name: "保存" }).click();
  await expect(d).toBeHidden();
  const row = page.locator("tbody tr").filter({ has: page.locator('[data-candidate="王玉霞"]') });
  await expect(row).toContainText("(Wang Yuxia)");
  await expect(row).toContainText(`${id.slice(0, 3)}****${id.slice(-4)}`);
  await expect(row).toContainText("就读专业：计算机应用技术");
  await row.getByRole("button", { name: "查看" }).click();
  const v = page.getByRole("dialog", { name: "查看考生" });
  await expect(v).toContainText("王玉霞 (Wang Yuxia)");
  await expect(v).toContainText("计算机应用技术（新版专业目录）");
  await expect(v).toContainText("136****0021");
  await expect(v).toContainText("暂无报考证书");
  await expect(v.getByTestId("candidate-history")).toContainText("添加考生");
  await page.screenshot({ path: info.outputPath("candidate-view.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: info.outputPath("candidate-view-phone.png"), fullPage: true });
  await v.getByRole("button", { name: "关闭" }).last().click();
  // A 院校考生 is not in 社会考生管理.
  await page.goto("/school/candidates/social");
  await expect(page.getByRole("heading", { name: "社会考生管理" })).toBeVisible();
  await expect(page.locator('[data-candidate="王玉霞"]')).toHaveCount(0);
});
