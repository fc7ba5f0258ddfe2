import sharp from "sharp";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { withUsccCheck } from "../../src/domain/identifiers/uscc";
import { anyId, CAPTCHA, login, logout, makeUser, smsCode, sql, uniquePhone } from "../fixtures";

/** A row of the Ministry's school list that nobody registered yet, in Wuhan (湖北 第二批 is open, by major, city first). */
async function directoryEntry() {
  const code = `49${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const name = `端到端新申报学院${randomBytes(3).toString("hex")}`;
  await sql(`INSERT INTO "SchoolDirectoryEntry" (code, name, "provinceCode", "regionCode", type) VALUES ($1,$2,'42','420111','HIGHER_VOCATIONAL')`, [
    code,
    name,
  ]);
  return { code, name };
}

async function openQueue(page: Page, school: string) {
  await page.goto("/edu/applications");
  await page.getByLabel("院校名称").fill(school);
  await page.getByRole("button", { name: "查询" }).click();
  const row = page.locator("tbody tr").filter({ hasText: school });
  await expect(row).toHaveCount(1);
  return row;
}

test("a new school registers, completes its info and applies by major; the city then the province approve with reduced numbers", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(180_000);
  const entry = await directoryEntry();
  const phone = uniquePhone();

  // 注册账号: an unlisted name is refused with the contact advice, then the listed one registers.
  await page.goto("/school/login");
  await page.getByRole("link", { name: "立即注册" }).click();
  await page.getByLabel("院校所在省市").selectOption({ label: "湖北省" });
  await page.getByLabel("院校名称").fill("不在名录中的学院");
  await page.getByLabel("院校代码").fill(entry.code);
  await page.getByLabel("联系人姓名").fill("吴申报");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("图形验证码").fill(CAPTCHA);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "系统中未找到该院校" })).toContainText("请联系所在省级教育行政部门");
  await page.getByLabel("院校名称").fill(entry.name);
  await page.getByLabel("图形验证码").fill(CAPTCHA);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText(`验证码已发送到 ${phone}`)).toBeVisible();
  await page.getByLabel("手机验证码").fill(await smsCode(browser, phone, "院校注册"));
  await page.getByRole("button", { name: "立即注册" }).click();
  await expect(page.getByRole("heading", { name: "注册成功" })).toBeVisible();
  const account = (await page.getByTestId("new-account").textContent())!;
  const password = (await page.getByTestId("new-password").textContent())!;
  expect(account).toBe(entry.code);
  await page.screenshot({ path: info.outputPath("registered.png"), fullPage: true });

  // Applying-only portal: complete the basic info, then apply by major.
  // Trusted browser: the second login below comes within the minute one SMS code per phone allows.
  await login(page, "school", { account, phone }, { password, trust: true });
  await expect(page.getByText("贵校尚未成为试点院校")).toBeVisible();
  await page.goto("/school/certificates");
  await expect(page).toHaveURL(/\/school\/applications/); // everything else redirects while applying
  await page.getByRole("link", { name: "院校信息" }).click();
  await page.getByRole("link", { name: "完善基础信息" }).click();
  await page.getByRole("button", { name: "完善基础信息" }).click();
  const info1 = page.getByRole("dialog", { name: "编辑院校信息" });
  await info1.getByLabel("统一社会信用代码").fill("124201004413600100");
  await info1.getByLabel("详细地址").fill("武汉市洪山区珞喻路 1 号");
  await info1.getByLabel("联系人邮箱").fill("apply@example.edu.cn");
  // The LOGO is required (004).
  const logo = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#1d4ed8" } })
    .png()
    .toBuffer();
  await info1.locator('input[type="file"]').first().setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: logo });
  await expect(info1.getByRole("img", { name: "院校 Logo" })).toBeVisible();
  await info1.getByRole("button", { name: "保存" }).click();
  await expect(info1.getByRole("alert")).toContainText("统一社会信用代码不正确");
  const uscc17 = `124201${String(Math.floor(Math.random() * 1e11)).padStart(11, "0")}`;
  await info1.getByLabel("统一社会信用代码").fill(withUsccCheck(uscc17));
  await info1.getByRole("button", { name: "保存" }).click();
  await expect(info1).toBeHidden();
  await expect(page.getByText("基础信息已完善")).toBeVisible();

  await page.goto("/school/applications");
  await page.getByRole("button", { name: "申报证书试点" }).click();
  await page.getByRole("dialog", { name: "申报计划" }).getByRole("button", { name: "立即申报" }).first().click();
  const d = page.getByRole("dialog", { name: "申报证书试点" });
  await d.getByLabel("选择试点证书").selectOption({ label: "物流管理职业技能等级证书（初级）" });
  await d.getByLabel("搜索专业").fill("物流");
  await d.getByRole("button", { name: /【530802】/ }).click();
  await d.getByLabel(/在校学生数/).fill("150");
  await d.getByLabel(/专任教师数/).fill("6");
  await d.getByLabel(/申请培训人数/).fill("80");
  await d.getByLabel("师资情况").fill("物流专业专任教师 6 人");
  await d.getByLabel("场地情况").fill("智慧物流实训室 1 间");
  await d.getByLabel("上传佐证材料").setInputFiles({ name: "佐证材料.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await expect(d.getByTestId("evidence-name")).toHaveText("佐证材料.pdf");
  await d.getByRole("button", { name: "保存并提交" }).click();
  await d.getByRole("button", { name: "确定提交" }).click();
  await expect(d).toBeHidden();
  await expect(page.locator("tbody tr").filter({ hasText: "物流管理" })).toContainText("待初审");
  await logout(page);

  // 武汉教育局 passes it on; 湖北省教育厅 approves 60 of 80.
  const city = await makeUser("EDU", { departmentId: await anyId("EducationDepartment", `name = '武汉教育局'`) });
  await login(page, "edu", city);
  let row = await openQueue(page, entry.name);
  await expect(row).toContainText("待初审");
  await row.getByRole("button", { name: "审核" }).click();
  await page.getByRole("dialog", { name: "申报初审" }).getByRole("button", { name: "审核通过" }).click();
  await expect(page.getByRole("status")).toContainText("初审通过");
  await expect(row).toContainText("待省级审核");
  await expect(row.getByRole("button", { name: "审核" })).toHaveCount(0);
  await logout(page);

  const province = await makeUser("EDU", { departmentId: await anyId("EducationDepartment", `name = '湖北省教育厅'`) });
  await login(page, "edu", province);
  row = await openQueue(page, entry.name);
  await row.getByRole("button", { name: "查看" }).click();
  const detail = page.getByRole("dialog", { name: "证书试点申报详情" });
  await expect(detail.getByLabel("审核记录")).toContainText("地市级初审：审核通过");
  await expect(detail.getByRole("link", { name: "佐证材料.pdf" })).toBeVisible();
  await detail.getByRole("button", { name: "关闭" }).last().click();
  await row.getByRole("button", { name: "审核" }).click();
  const review = page.getByRole("dialog", { name: "申报审核" });
  await review.getByLabel(/批准培训人数/).fill("90");
  await review.getByRole("button", { name: "审核通过" }).click();
  await expect(review.getByRole("alert")).toContainText("不能超过");
  await review.getByLabel(/批准培训人数/).fill("60");
  await expect(review.getByTestId("approved-sum")).toHaveText("60");
  await page.screenshot({ path: info.outputPath("province-review.png"), fullPage: true });
  await review.getByRole("button", { name: "审核通过" }).click();
  await expect(review).toBeHidden();
  await expect(row).toContainText("审核通过");
  await logout(page);

  // The school sees the approved quota and the whole review record.
  await login(page, "school", { account, phone }, { password });
  await page.goto("/school/applications");
  const mine = page.locator("tbody tr").filter({ hasText: "物流管理" });
  await expect(mine).toContainText("审核通过");
  await expect(mine).toContainText("60");
  await mine.getByRole("button", { name: "查看" }).click();
  const view = page.getByRole("dialog", { name: "证书试点申报详情" });
  await expect(view.getByTestId("approved-total")).toHaveText("60");
  await expect(view.getByLabel("审核记录").locator("li")).toHaveCount(3);
  await page.screenshot({ path: info.outputPath("school-detail.png"), fullPage: true });
});
