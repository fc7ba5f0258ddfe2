// Demo sections for issue 4's review flow: the Ministry's school list, applications at every review step of
// the open plans, a newly registered school still applying, and weekly reports of recent periods.
import type { Tx } from "@/server/db";
import { periodOf, type Cadence } from "@/domain/reports/period";
import { DEMO_PASSWORD, SCHOOLS, UNREGISTERED_SCHOOLS } from "./demo-data";
import { hashPassword } from "@/server/auth/password";

const day = 86400000;

export async function seedDirectory(tx: Tx): Promise<void> {
  if (await tx.schoolDirectoryEntry.count()) return;
  await tx.schoolDirectoryEntry.createMany({
    data: [
      ...SCHOOLS.map(([code, name, type, regionCode]) => ({ code, name, type, regionCode })),
      ...UNREGISTERED_SCHOOLS.map(([code, name, type, regionCode]) => ({ code, name, type, regionCode })),
    ].map((s) => ({ ...s, provinceCode: s.regionCode.slice(0, 2) })),
    skipDuplicates: true,
  });
}

type Actor = { id: string; label: string };

async function actorOf(tx: Tx, account: string): Promise<Actor> {
  const u = await tx.user.findUniqueOrThrow({ where: { account }, include: { school: { select: { name: true } }, department: { select: { name: true } } } });
  return { id: u.id, label: `${u.school?.name ?? u.department?.name ?? "—"}（${u.name ?? u.account}）` };
}

export async function seedReviews(tx: Tx, now: Date): Promise<void> {
  if (await tx.reviewEvent.count({ where: { applicationId: { not: null } } })) return;
  const plans = await tx.applicationPlan.findMany({ where: { batch: "第二批" }, include: { department: { select: { regionCode: true } } } });
  const planOf = (prefix: string) => plans.find((p) => p.department.regionCode.startsWith(prefix));
  const levels = await tx.certificateLevel.findMany({ include: { certificate: { select: { code: true, majors: { select: { majorId: true } } } } } });
  const level = (code: string, l: "JUNIOR" | "INTERMEDIATE" | "SENIOR") => levels.find((x) => x.certificate.code === code && x.level === l)!;
  const hb = planOf("42");
  const bj = planOf("11");
  if (!hb || !bj) return;
  const wh = await actorOf(tx, "whjyj");
  const hbjyt = await actorOf(tx, "hbjyt");
  const bjjw = await actorOf(tx, "bjjw");
  // school, plan, level, step: CITY (待初审), PROVINCE (city passed), RETURNED (by the province), DRAFT
  const cases: [string, typeof hb, [string, "JUNIOR" | "INTERMEDIATE" | "SENIOR"], "CITY" | "PROVINCE" | "RETURNED" | "DRAFT"][] = [
    ["4142012053", hb, ["6000011", "JUNIOR"], "CITY"],
    ["4142013254", hb, ["6000004", "INTERMEDIATE"], "PROVINCE"],
    ["4142014178", hb, ["6000003", "JUNIOR"], "RETURNED"],
    ["4142010834", hb, ["6000006", "JUNIOR"], "CITY"],
    ["4111010008", bj, ["6000012", "JUNIOR"], "PROVINCE"],
    ["4111051016", bj, ["6000010", "INTERMEDIATE"], "PROVINCE"],
    ["4111050576", bj, ["6000008", "JUNIOR"], "DRAFT"],
  ];
  for (const [k, [code, plan, [cert, lv], step]] of cases.entries()) {
    const school = await tx.school.findUnique({ where: { code }, select: { id: true } });
    const lvl = level(cert, lv);
    if (!school || (await tx.pilotApplication.count({ where: { schoolId: school.id, certificateLevelId: lvl.id, year: plan.year } }))) continue;
    const principal = await actorOf(tx, code);
    const majors = plan.byMajor ? lvl.certificate.majors.slice(0, 2) : [];
    const lines = majors.map((m, j) => ({ majorId: m.majorId, students: 120 + j * 40 + k * 5, teachers: 6 + j, requested: 40 + j * 15 + k * 3 }));
    const requestedTotal = plan.byMajor ? lines.reduce((s, l) => s + l.requested, 0) : 80 + k * 10;
    const submittedAt = new Date(now.getTime() - (4 - (k % 3)) * day);
    const app = await tx.pilotApplication.create({
      data: {
        schoolId: school.id,
        certificateLevelId: lvl.id,
        year: plan.year,
        batch: plan.batch,
        planId: plan.id,
        requestedTotal,
        createdById: principal.id,
        status: step === "DRAFT" ? "DRAFT" : step === "RETURNED" ? "RETURNED" : "IN_REVIEW",
        reviewStage: step === "CITY" || step === "PROVINCE" ? step : null,
        submittedAt: step === "DRAFT" ? null : submittedAt,
        teacherSituation: "本专业现有专任教师 8 人，其中具有相关职业技能等级证书的教师 4 人，已参加培训评价组织师资培训 3 人。",
        siteSituation: "学校已建成实训室 2 间，计算机工位 120 个，网络与设备满足考核站点建设标准。",
        ...(lines.length ? { lines: { createMany: { data: lines } } } : {}),
      },
    });
    if (step === "DRAFT") continue;
    const ev = (action: "SUBMIT" | "APPROVE" | "RETURN", stage: "CITY" | "PROVINCE", a: Actor, hours: number, reason?: string) =>
      tx.reviewEvent.create({
        data: {
          applicationId: app.id,
          action,
          stage,
          actorId: a.id,
          actorLabel: a.label,
          at: new Date(submittedAt.getTime() + hours * 3600000),
          reason: reason ?? null,
        },
      });
    const first = plan.cityReviewFirst ? "CITY" : "PROVINCE";
    await ev("SUBMIT", first, principal, 0);
    if (step === "PROVINCE" && first === "CITY") await ev("APPROVE", "CITY", wh, 20);
    if (step === "RETURNED") {
      await ev("APPROVE", "CITY", wh, 18);
      await ev("RETURN", "PROVINCE", plan === hb ? hbjyt : bjjw, 40, "师资情况未说明持证教师人数，请补充后重新提交");
    }
  }
}

/** A school registered through the public entry, still applying (not a pilot yet). */
export async function seedApplyingSchool(tx: Tx): Promise<void> {
  const [code, name, type, regionCode] = UNREGISTERED_SCHOOLS[0];
  if (await tx.school.count({ where: { code } })) return;
  const province = await tx.educationDepartment.findFirst({ where: { level: "PROVINCE", regionCode: `${regionCode.slice(0, 2)}0000` } });
  const school = await tx.school.create({
    data: {
      code,
      name,
      type,
      regionCode,
      status: "APPLYING",
      isPilot: false,
      supervisingDepartmentId: province?.id ?? null,
      contactName: "刘申报",
      contactPhone: "13700030001",
    },
  });
  await tx.user.create({
    data: {
      account: code,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      name: "刘申报",
      phone: "13700030001",
      role: "SCHOOL_PRINCIPAL",
      schoolId: school.id,
    },
  });
}

export async function seedWeeklyReports(tx: Tx, now: Date): Promise<void> {
  if (await tx.weeklyReport.count()) return;
  // 湖北 asks for half-monthly reports, the others weekly.
  await tx.educationDepartment.updateMany({ where: { level: "PROVINCE", regionCode: "420000" }, data: { reportCadence: "HALF_MONTHLY" } });
  const schools = await tx.school.findMany({
    where: { isPilot: true, status: "REGISTERED" },
    orderBy: { code: "asc" },
    include: { users: { where: { role: "SCHOOL_PRINCIPAL" }, take: 1 } },
  });
  const reviewers: Record<string, Actor> = {
    "11": await actorOf(tx, "bjjw"),
    "42": await actorOf(tx, "hbjyt"),
    "37": await actorOf(tx, "sdjyt"),
    "44": await actorOf(tx, "gdjyt"),
  };
  for (const [k, s] of schools.entries()) {
    const principal = s.users[0];
    if (!principal || !principal.name) continue; // the first-login principal has written nothing yet
    const cadence: Cadence = s.regionCode.startsWith("42") ? "HALF_MONTHLY" : "WEEKLY";
    const step = cadence === "WEEKLY" ? 7 * day : 16 * day;
    const label = `${s.name}（${principal.name}）`;
    for (let back = 3; back >= 0; back--) {
      const p = periodOf(cadence, new Date(now.getTime() - back * step));
      // This period: some submitted, one draft, the rest not yet (the department's 未提交 list).
      const status = back > 0 ? (k % 5 === 1 && back === 1 ? "RETURNED" : "APPROVED") : k % 3 === 0 ? "PENDING" : k % 3 === 1 ? "DRAFT" : null;
      if (!status || (s.code === "4111010009" && back === 0)) continue;
      const submittedAt = new Date(Math.min(p.endsAt.getTime() - 2 * day, now.getTime() - 3600000));
      const r = await tx.weeklyReport.create({
        data: {
          schoolId: s.id,
          cadence,
          periodStart: p.start,
          periodEnd: p.end,
          status,
          createdById: principal.id,
          submittedAt: status === "DRAFT" ? null : submittedAt,
          reviewedAt: status === "APPROVED" || status === "RETURNED" ? new Date(submittedAt.getTime() + day / 2) : null,
          returnReason: status === "RETURNED" ? "未附校领导签字盖章扫描件，请补充" : null,
          sections: {
            progress: `本期完成 1+X 证书试点工作例会 1 次，${1 + (k % 3)} 个证书的培训按计划推进。`,
            training: `本期参加证书培训学生 ${40 + k * 3} 人，累计培训课时 ${24 + k} 学时。`,
            assessment: "考核站点设备已按建设标准完成调试，考场编排工作已启动。",
            problems: k % 2 ? "部分专业实训设备不足，建议统筹共享。" : "暂无。",
            plan: "下期继续开展证书培训，做好考前模拟与考务准备。",
          },
        },
      });
      if (status === "DRAFT") continue;
      await tx.reviewEvent.create({ data: { weeklyReportId: r.id, action: "SUBMIT", actorId: principal.id, actorLabel: label, at: submittedAt } });
      if (status === "APPROVED" || status === "RETURNED") {
        const rev = reviewers[s.regionCode.slice(0, 2)];
        if (rev)
          await tx.reviewEvent.create({
            data: {
              weeklyReportId: r.id,
              action: status === "APPROVED" ? "APPROVE" : "RETURN",
              reason: r.returnReason,
              actorId: rev.id,
              actorLabel: rev.label,
              at: r.reviewedAt!,
            },
          });
      }
    }
  }
}

/** 考生 of 北方工业大学 in every information state; the demo student is one of them. */
export async function seedCandidates(tx: Tx, now: Date): Promise<void> {
  if (await tx.candidate.count()) return;
  const school = await tx.school.findUnique({ where: { code: "4111010009" }, include: { users: { where: { role: "SCHOOL_PRINCIPAL" }, take: 1 } } });
  if (!school) return;
  const majors = await tx.major.findMany({ where: { code: { in: ["510201", "510203", "530701"] } }, orderBy: { catalogVersion: "desc" } });
  const student = await tx.user.findFirst({ where: { role: "STUDENT", account: "110108200503011237" } });
  const surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
  const given = ["子涵", "欣怡", "浩然", "梓萱", "宇轩", "诗琪", "俊杰", "雨桐", "博文", "佳怡"];
  const states = ["VERIFIED", "VERIFIED", "VERIFIED", "PENDING_VERIFICATION", "NO_PHOTO", "NEEDS_REVIEW"] as const;
  const { pinyin } = await import("pinyin-pro");
  const { withIdCheck } = await import("@/domain/identifiers/id-number");
  for (let k = 0; k < 36; k++) {
    const demo = k === 0 && student;
    const male = k % 2 === 0;
    const body = `1101082005${String(1 + (k % 12)).padStart(2, "0")}${String(10 + (k % 18)).padStart(2, "0")}${String(300 + k * 2 + (male ? 1 : 0)).padStart(3, "0")}`;
    const idNumber = demo ? student.idNumber! : withIdCheck(body);
    const name = demo ? student.name! : `${surnames[k % surnames.length]}${given[k % given.length]}`;
    const major = majors[k % majors.length];
    const status = states[k % states.length];
    const photoFileId = status === "NO_PHOTO" ? null : await seedPhoto(tx, idNumber, k, now);
    const userId = demo
      ? student.id
      : (await tx.user.create({ data: { account: idNumber, passwordHash: "!unset", mustChangePassword: true, name, idNumber, role: "STUDENT" } })).id;
    await tx.candidate.create({
      data: {
        number: `${idNumber.slice(0, 6)}${now.getUTCFullYear()}${Math.floor(now.getTime() / 1000) - k * 3600}${String(100000 + k * 7919).slice(-6)}`,
        type: k % 9 === 8 ? "SOCIAL" : "SCHOOL",
        schoolId: school.id,
        name,
        pinyin: pinyin(name, { toneType: "none", type: "array" }).join(" "),
        gender: Number(idNumber[16]) % 2 ? "MALE" : "FEMALE",
        idType: "RESIDENT_ID",
        idNumber,
        phone: `1360001${String(k).padStart(4, "0")}`,
        enrolYear: 2023 + (k % 3),
        majorLevel: major?.level ?? null,
        majorId: major?.id ?? null,
        status,
        photoFileId,
        verifyReasons: status === "NEEDS_REVIEW" ? ["照片未通过人像比对，请人工核对"] : [],
        verifiedAt: status === "VERIFIED" ? now : null,
        userId,
        createdAt: new Date(now.getTime() - k * 3600000),
      },
    });
  }
}

/** A red-background ID photo for a demo candidate, stored like an upload. */
async function seedPhoto(tx: Tx, idNumber: string, k: number, now: Date): Promise<string> {
  const sharp = (await import("sharp")).default;
  const { getStorage, newKey } = await import("@/server/storage");
  const person = Buffer.from(
    `<svg width="295" height="413"><ellipse cx="147" cy="165" rx="62" ry="72" fill="${["#e0bb9f", "#d8b08f", "#caa07f"][k % 3]}"/><rect x="40" y="258" width="215" height="155" rx="40" fill="${["#1e293b", "#334155", "#0f172a"][k % 3]}"/></svg>`,
  );
  const jpeg = await sharp({ create: { width: 295, height: 413, channels: 3, background: "#d40000" } })
    .composite([{ input: person }])
    .jpeg({ quality: 85 })
    .toBuffer();
  const key = newKey("candidate-photo", "jpg", now);
  const size = await getStorage().put(key, jpeg);
  return (
    await tx.storedFile.create({ data: { key, purpose: "CANDIDATE_PHOTO", filename: `${idNumber}.jpg`, contentType: "image/jpeg", size, createdAt: now } })
  ).id;
}

/** 周报提纲: each demo province publishes a Word outline for both cadences, its sections those of the report form. */
export async function seedReportOutlines(tx: Tx, now: Date): Promise<void> {
  if (await tx.reportOutline.count()) return;
  const { getStorage, newKey } = await import("@/server/storage");
  const { REPORT_SECTIONS, CADENCE_LABELS } = await import("@/domain/reports/period");
  const provinces = await tx.educationDepartment.findMany({ where: { level: "PROVINCE" }, include: { users: { take: 1 } } });
  for (const d of provinces)
    for (const cadence of ["WEEKLY", "HALF_MONTHLY"] as const) {
      const title = `${d.name} 1+X 证书试点工作${CADENCE_LABELS[cadence]}提纲`;
      const bytes = await outlineDocx(
        title,
        REPORT_SECTIONS.map((x) => x.label),
      );
      const key = newKey("report-outline", "docx", now);
      const size = await getStorage().put(key, bytes);
      const file = await tx.storedFile.create({
        data: {
          key,
          purpose: "REPORT_OUTLINE",
          filename: `${CADENCE_LABELS[cadence]}提纲.docx`,
          contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          size,
          ownerUserId: d.users[0]?.id ?? null,
          createdAt: now,
        },
      });
      await tx.reportOutline.create({ data: { departmentId: d.id, cadence, fileId: file.id, publishedById: d.users[0]?.id ?? null, publishedAt: now } });
    }
}

/** A minimal Word document: the title, then each section heading with a line to fill in. */
export async function outlineDocx(title: string, sections: string[]): Promise<Buffer> {
  const JSZip = (await import("jszip")).default;
  const para = (text: string, bold = false) => `<w:p><w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const body = [para(title, true), ...sections.flatMap((label, i) => [para(`${i + 1}. ${label}`, true), para("（请填写）")])].join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
