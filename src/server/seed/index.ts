// Seeds reference data (idempotent) and the demo data set (once).
import { seedAllocationsAndRooms, seedExamPlans, seedNoticePlan, seedSites, seedTeachers } from "./exams";
import { seedFees, seedRegistrations, seedSchedules } from "./registrations";
import { seedScores } from "./scores";
import { seedIssuance } from "./issuance";
import { seedCertificates } from "./certificates";
import { recordCertificateDefinitions } from "@/server/ledger/certificate-definitions";
import { levelCode } from "@/domain/catalogue/codes";
import { grantable, type Permission } from "@/domain/auth/permissions";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { withUsccCheck } from "@/domain/identifiers/uscc";
import { withIdCheck } from "@/domain/identifiers/id-number";
import { CITIES, DISTRICTS, MAJORS, PROVINCES } from "./reference-data";
import { CERTIFICATES, DEMO_PASSWORD, DEPARTMENTS, ORGS, SCHOOLS } from "./demo-data";
import { seedApplyingSchool, seedCandidates, seedDirectory, seedReportOutlines, seedReviews, seedWeeklyReports } from "./reviews-and-reports";

export async function seedReference(db: Db): Promise<void> {
  await db.region.createMany({ data: PROVINCES.map(([code, name]) => ({ code, name, level: "PROVINCE" as const })), skipDuplicates: true });
  await db.region.createMany({ data: CITIES.map(([code, name, parentCode]) => ({ code, name, parentCode, level: "CITY" as const })), skipDuplicates: true });
  await db.region.createMany({
    data: DISTRICTS.map(([code, name, parentCode]) => ({ code, name, parentCode, level: "DISTRICT" as const })),
    skipDuplicates: true,
  });
  await db.major.createMany({
    data: MAJORS.map(([code, name, level, catalogVersion, category]) => ({ code, name, level, catalogVersion, category })),
    skipDuplicates: true,
  });
}

const SCHOOL_ROLES: { name: string; description: string; permissions: Permission[] }[] = [
  { name: "业务管理员", description: "试点院校的日常业务：除周报、用户管理和电子签章外的全部菜单", permissions: grantable("school") },
  {
    name: "考务人员",
    description: "考生信息的录入、导入、认证，以及考务所需的证书、标准和培训评价组织信息",
    permissions: ["school.candidates", "school.certificates", "school.standards", "school.orgs"],
  },
  {
    name: "证书负责人",
    description: "负责若干证书的试点工作：证书与标准信息、试点申报与申报计划、培训评价组织与本校试点情况",
    permissions: ["school.orgs", "school.schools", "school.standards", "school.certificates", "school.applications", "school.plans"],
  },
];

export type DemoAccount = { role: string; account: string; password: string; note: string };

const SUBJECTS: Record<string, [string, "COMPUTER" | "PRACTICAL" | "WRITTEN", number][]> = {
  COMPUTER: [["理论知识", "COMPUTER", 90]],
  WRITTEN: [["理论知识", "WRITTEN", 90]],
  PRACTICAL: [["实操技能", "PRACTICAL", 120]],
};

/** The demo data set; returns false when it is already there (so a restart does not duplicate it). */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await db.user.findUnique({ where: { account: "admin" } })) {
    // A database seeded by an older build still gets the sections added since.
    await seedSections(db);
    return false;
  }
  await seedReference(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      const deptIds: Record<string, string> = {};
      for (const d of DEPARTMENTS) {
        const row = await tx.educationDepartment.create({
          data: { name: d.name, level: d.level, regionCode: d.regionCode, parentId: "parent" in d ? deptIds[d.parent] : null },
        });
        deptIds[d.key] = row.id;
      }
      const orgIds: Record<string, string> = {};
      for (const o of ORGS) {
        const row = await tx.evaluationOrg.create({
          data: {
            code: o.code,
            name: o.name,
            uscc: withUsccCheck(o.uscc17),
            contactName: o.contact,
            contactPhone: o.phone,
            contactEmail: `contact${o.code}@example.org.cn`,
            address: "北京市海淀区中关村大街 1 号",
            website: `https://org${o.code}.example.org.cn`,
            intro: `${o.name}是教育部 1+X 证书制度试点的培训评价组织，负责相关职业技能等级标准的开发与证书的考核颁发。`,
          },
        });
        orgIds[o.code] = row.id;
        await tx.skillStandard.create({ data: { code: `6${o.code}01`, name: `${o.name}职业技能等级标准`, version: "2021版", orgId: row.id } });
        await tx.siteStandard.create({ data: { code: `Z${o.code}01`, name: `${o.name}考核站点建设标准`, version: "2021版", orgId: row.id } });
      }
      const majors = await tx.major.findMany({ select: { id: true, code: true } });
      const majorByCode = new Map(majors.map((m) => [m.code, m.id]));
      const levelIds: Record<string, string> = {};
      for (const [i, c] of CERTIFICATES.entries()) {
        const orgId = orgIds[c.org];
        const skill = await tx.skillStandard.findFirst({ where: { orgId } });
        const site = await tx.siteStandard.findFirst({ where: { orgId } });
        const cert = await tx.certificate.create({
          data: {
            code: c.code,
            name: c.name,
            orgId,
            batch: c.batch,
            category: c.category,
            examModes: c.modes,
            examTimeNote: "每年 6 月、12 月各组织一次考核",
            openedAt: new Date(Date.UTC(2019 + (i % 3), 3 + (i % 6), 1)),
            hours: c.hours,
            credits: c.credits,
            targetGroups: "职业院校在校学生、社会学习者",
            requirements: "完成相应等级的培训课程，理论知识与实操技能考核均合格",
            intro: `${c.name.replace("职业技能等级证书", "")}职业技能等级证书面向${c.category}相关专业，考核从业人员的专业知识与实践能力。`,
            englishName: `${c.english} Vocational Skill Level Certificate`,
            englishIntro: `The certificate assesses ${c.english.toLowerCase()} skills at junior, intermediate and senior levels.`,
            skillStandardId: skill?.id ?? null,
            siteStandardId: site?.id ?? null,
            majors: { create: c.majors.filter((m) => majorByCode.has(m)).map((m) => ({ majorId: majorByCode.get(m)! })) },
          },
        });
        for (const level of c.levels) {
          const lv = await tx.certificateLevel.create({ data: { certificateId: cert.id, level, code: levelCode(c.code, level) } });
          levelIds[`${c.code}:${level}`] = lv.id;
          const subjects = c.modes.flatMap((m) => SUBJECTS[m]);
          await tx.examSubject.createMany({
            data: subjects.map(([name, examMode, durationMinutes], k) => ({
              code: `${levelCode(c.code, level)}10${k + 1}`,
              name: `${c.name.replace("职业技能等级证书", "")}${name}（${{ JUNIOR: "初级", INTERMEDIATE: "中级", SENIOR: "高级" }[level]}）`,
              certificateLevelId: lv.id,
              examMode,
              durationMinutes,
            })),
          });
        }
      }
      const schoolIds: Record<string, string> = {};
      for (const [k, [code, name, type, regionCode, dept, uscc17]] of SCHOOLS.entries()) {
        const row = await tx.school.create({
          data: {
            code,
            name,
            type,
            regionCode,
            supervisingDepartmentId: deptIds[dept],
            uscc: withUsccCheck(uscc17),
            isPilot: k < 22,
            status: "REGISTERED",
            address: `${name}校区主楼`,
            website: `https://www${code.slice(-4)}.example.edu.cn`,
            contactName: "试点项目联系人",
            contactPhone: `1370000${code.slice(-4)}`,
            contactEmail: `x${code}@example.edu.cn`,
          },
        });
        schoolIds[code] = row.id;
      }

      const base = { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() };
      await tx.user.create({ data: { ...base, account: "admin", name: "平台管理员", phone: "13900000001", email: "admin@example.gov.cn", role: "ADMIN" } });
      const eduAccounts: [string, string, string][] = [
        ["bjjw", "bj", "13900000011"],
        ["hbjyt", "hb", "13900000012"],
        ["whjyj", "wh", "13900000013"],
        ["ycjyj", "yc", "13900000014"],
        ["sdjyt", "sd", "13900000015"],
        ["ytjyj", "yt", "13900000016"],
        ["gdjyt", "gd", "13900000017"],
      ];
      for (const [account, key, phone] of eduAccounts) {
        await tx.user.create({
          data: { ...base, account, name: `${DEPARTMENTS.find((d) => d.key === key)!.name}试点负责人`, phone, role: "EDU", departmentId: deptIds[key] },
        });
      }
      for (const o of ORGS) {
        await tx.user.create({
          data: { ...base, account: `org${o.code}`, name: o.contact, phone: `1390000${o.code.padStart(4, "0")}`, role: "ORG", orgId: orgIds[o.code] },
        });
      }
      for (const [k, [code, name]] of SCHOOLS.entries()) {
        // 首都师范大学's principal has not logged in yet: it shows the first-login binding.
        const firstLogin = code === "4111010028";
        await tx.user.create({
          data: {
            ...base,
            account: code,
            role: "SCHOOL_PRINCIPAL",
            schoolId: schoolIds[code],
            name: firstLogin ? null : `${name.slice(0, 2)}负责人`,
            phone: firstLogin ? null : `1370001${String(k).padStart(4, "0")}`,
            mustChangePassword: firstLogin,
          },
        });
      }
      // The roles a real school uses (manual 002 §8.1); 业务管理员 already exists from its migration.
      const roleIds: Record<string, string> = {};
      for (const r of SCHOOL_ROLES)
        roleIds[r.name] = (
          await tx.accessRole.upsert({
            where: { portal_name: { portal: "school", name: r.name } },
            create: { portal: "school", ...r },
            update: { description: r.description, permissions: r.permissions },
          })
        ).id;
      const bfgy = schoolIds["4111010009"];
      // 李业务 is 证书负责人 of one certificate level.
      const sub1 = await tx.user.create({
        data: {
          ...base,
          account: "4111010009-01",
          name: "李业务",
          phone: "13700020001",
          role: "SCHOOL_ADMIN",
          schoolId: bfgy,
          accessRoleId: roleIds["证书负责人"],
        },
      });
      await tx.userCertificateScope.create({ data: { userId: sub1.id, certificateLevelId: levelIds["6000001:JUNIOR"] } });
      await tx.user.create({
        data: {
          ...base,
          account: "4111010009-02",
          name: "张业务",
          phone: "13700020002",
          role: "SCHOOL_ADMIN",
          schoolId: bfgy,
          accessRoleId: roleIds["业务管理员"],
        },
      });
      await tx.user.create({
        data: {
          ...base,
          account: "4111010009-03",
          name: "王停用",
          phone: "13700020003",
          role: "SCHOOL_ADMIN",
          schoolId: bfgy,
          accessRoleId: roleIds["考务人员"],
          status: "DISABLED",
          disabledReason: "密码连续错误次数过多",
        },
      });
      await tx.user.create({
        data: {
          ...base,
          account: withIdCheck("11010820050301123"),
          name: "封元庆",
          phone: "13600000001",
          role: "STUDENT",
          idNumber: withIdCheck("11010820050301123"),
        },
      });
    },
    { timeout: 120000 },
  );
  await seedSections(db);
  return true;
}

export function demoAccounts(): DemoAccount[] {
  return [
    { role: "综合业务管理", account: "admin", password: DEMO_PASSWORD, note: "/admin/login" },
    { role: "教育行政部门（省级）", account: "bjjw", password: DEMO_PASSWORD, note: "/edu/login 北京市教育委员会" },
    { role: "教育行政部门（地市级）", account: "whjyj", password: DEMO_PASSWORD, note: "/edu/login 武汉教育局" },
    { role: "培训评价组织", account: "org125", password: DEMO_PASSWORD, note: "/org/login 达内教育" },
    { role: "试点院校负责人", account: "4111010009", password: DEMO_PASSWORD, note: "/school/login 北方工业大学" },
    { role: "试点院校业务管理员", account: "4111010009-01", password: DEMO_PASSWORD, note: "/school/login 证书负责人，仅 JAVA应用开发(初级)" },
    { role: "试点院校业务管理员", account: "4111010009-02", password: DEMO_PASSWORD, note: "/school/login 角色“业务管理员”，全部业务菜单" },
    { role: "试点院校负责人（首次登录）", account: "4111010028", password: DEMO_PASSWORD, note: "/school/login 首都师范大学，需绑定手机号并修改初始密码" },
    { role: "新注册院校（申报中）", account: "4111014087", password: DEMO_PASSWORD, note: "/school/login 北京城市学院，仅可完善信息和申报" },
    { role: "教育行政部门（省级，湖北）", account: "hbjyt", password: DEMO_PASSWORD, note: "/edu/login 湖北省教育厅，申报复审、半月报" },
    { role: "学生", account: withIdCheck("11010820050301123"), password: DEMO_PASSWORD, note: "/student/login" },
  ];
}

/** Demo sections added by later capabilities; each runs once, when its table is still empty. */
async function seedSections(db: Db): Promise<void> {
  const year = new Date().getFullYear();
  const day = 86400000;
  const admin = await db.user.findUniqueOrThrow({ where: { account: "admin" } });
  const deptIds = Object.fromEntries((await db.educationDepartment.findMany()).map((d) => [DEPARTMENTS.find((x) => x.name === d.name)?.key ?? d.id, d.id]));
  await db.$transaction(
    async (tx) => {
      // Approved pilot applications (this year and last) make the schools pilots of those certificates.
      if ((await tx.pilotApplication.count()) === 0) {
        const schoolIds = Object.fromEntries((await tx.school.findMany({ select: { id: true, code: true } })).map((x) => [x.code, x.id]));
        const levels = await tx.certificateLevel.findMany({
          include: { certificate: { select: { code: true } } },
          orderBy: [{ certificate: { code: "asc" } }, { level: "asc" }],
        });
        const levelIds = Object.fromEntries(levels.map((l) => [`${l.certificate.code}:${l.level}`, l.id]));
        const levelKeys = Object.keys(levelIds);
        for (const [k, [code]] of SCHOOLS.entries()) {
          if (k >= 22) continue;
          const picks =
            code === "4111010009"
              ? ["6000001:JUNIOR", "6000001:INTERMEDIATE", "6000003:INTERMEDIATE", "6000005:JUNIOR"]
              : [0, 1, 2].map((j) => levelKeys[(k * 7 + j * 11) % levelKeys.length]);
          for (const [j, key] of [...new Set(picks)].entries()) {
            const requestedTotal = 60 + ((k * 13 + j * 17) % 140);
            await tx.pilotApplication.create({
              data: {
                schoolId: schoolIds[code],
                certificateLevelId: levelIds[key],
                year: j % 3 === 2 ? year - 1 : year,
                batch: "第一批",
                status: "APPROVED",
                requestedTotal,
                approvedTotal: requestedTotal - ((k * 5 + j * 3) % 30),
              },
            });
          }
        }
      }

      // 申报计划 in every phase relative to today: ended, open now, not yet started.
      if ((await tx.applicationPlan.count()) === 0) {
        const partial = await tx.certificate.findMany({ where: { code: { in: ["6000001", "6000003", "6000006", "6000009"] } }, select: { id: true } });
        for (const key of ["bj", "hb", "sd"] as const) {
          const plans: [string, number, number, boolean, boolean, "ALL" | "PARTIAL"][] = [
            ["第一批", -70, -55, false, false, "ALL"],
            ["第二批", -5, 12, key !== "bj", key === "hb", key === "sd" ? "PARTIAL" : "ALL"],
            ["第三批", 20, 35, true, key === "hb", "PARTIAL"],
          ];
          for (const [batch, from, to, byMajor, cityReviewFirst, scope] of plans) {
            const p = await tx.applicationPlan.create({
              data: {
                departmentId: deptIds[key],
                year,
                batch,
                startsAt: new Date(Date.now() + from * day),
                endsAt: new Date(Date.now() + to * day),
                byMajor,
                cityReviewFirst,
                scope,
                createdById: admin.id,
              },
            });
            if (scope === "PARTIAL") await tx.applicationPlanCertificate.createMany({ data: partial.map((c) => ({ planId: p.id, certificateId: c.id })) });
          }
        }
      }

      // Announcements published over the last weeks, relative to today, plus a draft.
      if ((await tx.announcement.count()) === 0) {
        const notices: [string, "POLICY" | "NOTICE", number, string][] = [
          [
            `关于做好${year}年职业技能等级证书考核工作的通知`,
            "NOTICE",
            2,
            "各试点院校、培训评价组织：\n\n为做好本年度 1+X 证书考核工作，请各单位按照考试计划安排，及时完成考核站点申报、考场设置与考生报考。\n\n一、报考须在考试计划规定的报考时间内完成。\n二、考生信息须完成实名认证后方可报考。\n三、考核结束后请及时核对成绩与考证结果。",
          ],
          [
            `${year}年第二批证书试点申报工作安排`,
            "NOTICE",
            9,
            "各省级教育行政部门：\n\n第二批证书试点申报将于近期开放，请督促辖区院校按要求在申报计划时间内提交申报材料，按专业填报的计划须填写专业明细。",
          ],
          [
            "职业教育国家学分银行 1+X 证书学习成果认定说明",
            "POLICY",
            20,
            "职业技能等级证书的学习成果可按规定进行认定、积累和转换。各试点院校应做好证书与学历教育的书证融通工作。",
          ],
          [
            "关于进一步加强考务管理与考试安全的通知",
            "NOTICE",
            34,
            "各培训评价组织应严格执行考务管理规定，做好监考人员认证、考场编排与成绩登记工作，确保考试公平公正。",
          ],
          [
            "职业技能等级证书信息管理服务平台账号安全提示",
            "POLICY",
            48,
            "平台实行三级等保安全要求，登录需进行短信验证。请勿将账号借予他人使用，密码连续错误多次将被冻结或停用。",
          ],
        ];
        for (const [title, category, ago, body] of notices) {
          const at = new Date(Date.now() - ago * day);
          await tx.announcement.create({ data: { title, category, body, status: "PUBLISHED", publishedAt: at, createdAt: at, createdById: admin.id } });
        }
        await tx.announcement.create({
          data: {
            title: `${year}年证书发放工作说明（草稿）`,
            category: "NOTICE",
            body: "本公告尚未发布，仅管理员可见。发布前请核对发证时间安排。",
            createdById: admin.id,
          },
        });
      }

      const now = new Date();
      await seedDirectory(tx);
      await seedReviews(tx, now);
      await seedApplyingSchool(tx);
      await seedWeeklyReports(tx, now);
      await seedReportOutlines(tx, now);
      await seedCandidates(tx, now);
      await seedExamPlans(tx, now);
      await seedSites(tx, now);
      await seedAllocationsAndRooms(tx, now);
      await seedTeachers(tx, now);
      await seedNoticePlan(tx, now);
      await seedFees(tx);
      await seedRegistrations(tx, now);
      await seedSchedules(tx, now);
      await seedScores(tx, now);
      await seedIssuance(tx, now);
      // 上链信息: each certificate's definition on the ledger as of its opening, oldest first.
      for (const c of await tx.certificate.findMany({ orderBy: [{ openedAt: "asc" }, { code: "asc" }], select: { id: true, openedAt: true } }))
        await recordCertificateDefinitions(tx, [c.id], c.openedAt ?? now);
    },
    { timeout: 120000 },
  );
  // 发放证书 runs as the worker runs it (its own transactions per chunk), after the definitions are on the ledger.
  await seedCertificates(db, new Date());
}
