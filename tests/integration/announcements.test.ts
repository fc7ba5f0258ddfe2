import { levelCode } from "@/domain/catalogue/codes";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDb } from "../support/db";
import { caller, login } from "../support/trpc";
import { makeCertificate, makeOrg, makeSchool, makeUser, PASSWORD } from "../support/factories";
import { fixedClock } from "@/server/clock";
import type { SessionUser } from "@/server/session-user";
import { publicCertificate, publicCertificates, publishedAnnouncement, publishedAnnouncements } from "@/server/public/queries";
import { canDownload } from "@/server/files/access";

const t = useTestDb();
const clock = fixedClock("2026-11-22T02:00:00Z");
let admin: SessionUser;
let principal: SessionUser;

beforeAll(async () => {
  admin = await login(t.db, clock, (await makeUser(t.db, "ADMIN")).account, PASSWORD);
  clock.advance(61_000);
  principal = await login(t.db, clock, (await makeUser(t.db, "SCHOOL_PRINCIPAL", { schoolId: (await makeSchool(t.db)).id })).account, PASSWORD);
}, 60_000);

describe("announcements", () => {
  it("the admin drafts, publishes, withdraws; the public sees only what is published", async () => {
    const api = caller(t.db, { clock, session: admin });
    const file = await t.db.storedFile.create({
      data: {
        key: "announcement-attachment/202611/bbbbbbbbbbbbbbbbbbbbbbbb.pdf",
        purpose: "ANNOUNCEMENT_ATTACHMENT",
        filename: "通知.pdf",
        contentType: "application/pdf",
        size: 10,
        ownerUserId: admin.id,
      },
    });
    await expect(api.announcements.save({ title: "短", category: "NOTICE", body: "正文正文正文正文正文正文", attachmentFileIds: [] })).rejects.toThrow(
      "标题为 4–120 个字",
    );
    const { id } = await api.announcements.save({
      title: "关于考核站点申报的通知",
      category: "NOTICE",
      body: "请各试点院校在规定时间内完成考核站点申报。",
      attachmentFileIds: [file.id],
    });
    expect(await publishedAnnouncement(t.db, id)).toBeNull();
    expect(await canDownload(t.db, null, file, clock.now())).toBe(false);
    await api.announcements.publish({ id });
    expect((await publishedAnnouncement(t.db, id))?.attachments.map((a) => a.filename)).toEqual(["通知.pdf"]);
    expect(await canDownload(t.db, null, file, clock.now())).toBe(true);
    expect((await publishedAnnouncements(t.db, { page: 1, pageSize: 50 })).rows.some((a) => a.id === id)).toBe(true);
    await expect(
      api.announcements.save({
        id,
        title: "关于考核站点申报的通知（改）",
        category: "NOTICE",
        body: "请各试点院校在规定时间内完成考核站点申报。",
        attachmentFileIds: [],
      }),
    ).rejects.toThrow("请先撤回再修改");
    await api.announcements.withdraw({ id });
    expect(await publishedAnnouncement(t.db, id)).toBeNull();
    expect(await t.db.auditLog.count({ where: { targetId: id } })).toBe(3);
  });

  it("other roles cannot manage announcements", async () => {
    const api = caller(t.db, { clock, session: principal });
    await expect(api.lists.announcements({ filter: {}, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      api.announcements.save({ title: "学校发的公告", category: "NOTICE", body: "学校不能发公告学校不能发公告", attachmentFileIds: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the public certificate catalogue searches and shows details", async () => {
    const org = await makeOrg(t.db);
    const [a, b] = [await makeCertificate(t.db, org.id), await makeCertificate(t.db, org.id)];
    await t.db.certificate.update({
      where: { id: a.id },
      data: {
        name: "老年照护测试职业技能等级证书",
        levels: {
          create: [
            { level: "INTERMEDIATE", code: levelCode(a.code, "INTERMEDIATE") },
            { level: "SENIOR", code: levelCode(a.code, "SENIOR") },
          ],
        },
      },
    });
    await t.db.certificate.update({ where: { id: b.id }, data: { status: "DISABLED" } });
    expect((await publicCertificates(t.db, { q: "老年照护测试", page: 1, pageSize: 20 })).rows.map((c) => c.code)).toEqual([a.code]);
    // By the awarding org's name; a stopped certificate is not in the public catalogue.
    expect((await publicCertificates(t.db, { q: org.name, page: 1, pageSize: 20 })).rows.map((c) => c.code)).toEqual([a.code]);
    expect((await publicCertificate(t.db, a.code))?.levels).toHaveLength(3);
    expect(await publicCertificate(t.db, b.code)).toBeNull();
    expect(await publicCertificate(t.db, "../etc")).toBeNull();
  });
});
