// 添加考生 / 编辑考生: the form's row goes through the same cleaning and rules as an import row; once the
// information is 信息准确, name, ID type, ID number and photo are locked. Each candidate has a student account
// (account = ID number) created without a usable password: the school's 重置密码 issues the first one.
import { pinyin } from "pinyin-pro";
import { sqlOf, type Sql } from "@/server/db";
import { badRequest, conflict, notFound } from "@/server/errors";
import type { SchoolScope } from "@/server/tenancy";
import { change, type UseCaseCtx } from "@/server/use-case";
import type { CandidateInput } from "@/domain/candidates/schema";
import { randomInitialPassword, encrypt } from "@/server/crypto";
import { hashPassword } from "@/server/auth/password";
import { candidateNumber, canDeleteCandidate, cleanCandidate, lockedChanges, statusAfterEdit, type CandidateStatus } from "@/domain/candidates/rules";
import { resolveCandidates, type Resolved } from "./resolve";

/** A password hash no password verifies against: the account exists but cannot log in until reset. */
export const NO_PASSWORD = "!unset";

export const pinyinOf = (name: string) =>
  /^[\u4e00-\u9fa5·]+$/.test(name) ? pinyin(name.replace(/·/g, ""), { toneType: "none", type: "array" }).join(" ") : name.toLowerCase();

/** Creates candidates and their student accounts (one transaction per call). */
export async function insertCandidates(sql: Sql, rows: Resolved[], schoolId: string, actorId: string, now: Date, importId: string | null) {
  const data = rows.map((r) => ({
    id: crypto.randomUUID(),
    userId: crypto.randomUUID(),
    // 考生编号 without its last six digits, which come from a sequence in the statement below: no two
    // candidates of the same second share a number, on any instance.
    prefix: candidateNumber(r.idType, r.idNumber, now, ""),
    type: r.type,
    name: r.name,
    pinyin: r.pinyin || pinyinOf(r.name),
    gender: r.gender,
    idType: r.idType,
    idNumber: r.idNumber,
    phone: r.phone,
    enrolYear: r.enrolYear,
    majorLevel: r.majorLevelValue,
    majorId: r.majorId,
  }));
  // ONE statement for the student accounts and the candidates, from unnest(…) of one array per column: Prisma's
  // createMany spends ~0.5 s of JavaScript per 1,000 rows here (measured) and each round trip of an import
  // waits for the reading thread; imports pass their transaction's own connection as sql, which also skips
  // Prisma's compilation of the 13,000 values.
  const col = <K extends keyof (typeof data)[number]>(k: K) => data.map((d) => d[k]);
  return sql<{ id: string; number: string }>`
    WITH c AS (
      SELECT * FROM unnest(${col("id")}::uuid[], ${col("prefix")}::text[], ${col("type")}::text[], ${col("name")}::text[], ${col("pinyin")}::text[],
                           ${col("gender")}::text[], ${col("idType")}::text[], ${col("idNumber")}::text[], ${col("phone")}::text[], ${col("enrolYear")}::int[],
                           ${col("majorLevel")}::text[], ${col("majorId")}::uuid[], ${col("userId")}::uuid[])
             WITH ORDINALITY AS c(id, prefix, type, name, pinyin, gender, id_type, id_number, phone, enrol_year, major_level, major_id, user_id, n)
    ), u AS (
      INSERT INTO "User" (id, account, "passwordHash", "mustChangePassword", name, phone, "idNumber", role, "createdById", "updatedAt")
      SELECT c.user_id, c.id_number, ${NO_PASSWORD}, true, c.name, c.phone, c.id_number, 'STUDENT'::"Role", ${actorId}::uuid, ${now}::timestamptz FROM c
    )
    INSERT INTO "Candidate" (id, number, type, "schoolId", name, pinyin, gender, "idType", "idNumber", phone, "enrolYear", "majorLevel", "majorId", status, "userId", "importId", "createdAt", "updatedAt")
    SELECT c.id, c.prefix || lpad((nextval('candidate_number_seq') % 1000000)::text, 6, '0'), c.type::"CandidateType", ${schoolId}::uuid, c.name, c.pinyin,
           c.gender::"Gender", c.id_type::"IdType", c.id_number, c.phone, c.enrol_year, c.major_level::"MajorLevel", c.major_id, 'NO_PHOTO'::"CandidateStatus",
           c.user_id, ${importId}::uuid, ${now}::timestamptz, ${now}::timestamptz
    FROM c ORDER BY c.n
    RETURNING id, number`;
}

export async function saveCandidate({ ctx, input }: { ctx: UseCaseCtx<SchoolScope>; input: CandidateInput }) {
  const { db, clock, actor } = ctx;
  const { schoolId } = ctx.scope;
  const now = clock.now();
  // 就读专业 picked from the catalogue: that very major (its catalogue version), whatever code and level were typed.
  const picked = input.majorId ? await db.major.findUnique({ where: { id: input.majorId } }) : null;
  if (input.majorId && !picked) throw badRequest("所选专业不在专业目录中，请重新选择");
  const checked = cleanCandidate(picked ? { ...input, majorCode: picked.code, majorLevel: picked.level } : input, now);
  if (!checked.ok) throw badRequest(checked.error);
  const existing = input.id ? await db.candidate.findFirst({ where: { id: input.id, schoolId } }) : null;
  if (input.id && !existing) throw notFound("考生不存在");
  const [resolved] = await resolveCandidates(sqlOf(db), [checked.value], { exceptIds: [existing?.id ?? null] });
  if (!resolved.ok) throw resolved.error.includes("已在") ? conflict(resolved.error) : badRequest(resolved.error);
  const r = picked ? { ...resolved.value, majorId: picked.id, majorLevelValue: picked.level } : resolved.value;
  const photoFileId = input.photoFileId === undefined ? (existing?.photoFileId ?? null) : (input.photoFileId ?? null);
  if (
    photoFileId &&
    photoFileId !== existing?.photoFileId &&
    !(await db.storedFile.count({ where: { id: photoFileId, purpose: "CANDIDATE_PHOTO", ownerUserId: actor.id } }))
  )
    throw badRequest("照片不存在，请重新上传");
  if (existing) {
    const locked = lockedChanges(existing.status as CandidateStatus, existing, { name: r.name, idType: r.idType, idNumber: r.idNumber, photoFileId });
    if (locked.length) throw badRequest("考生信息已认证为「信息准确」，姓名、证件类型、证件号码和照片不能修改");
  }
  return change(
    ctx,
    async (tx) => {
      let id: string;
      if (existing) {
        const status = statusAfterEdit(existing.status as CandidateStatus, !!photoFileId);
        await tx.candidate.update({
          where: { id: existing.id },
          data: {
            type: r.type,
            name: r.name,
            pinyin: r.pinyin || pinyinOf(r.name),
            gender: r.gender,
            idType: r.idType,
            idNumber: r.idNumber,
            phone: r.phone,
            enrolYear: r.enrolYear,
            majorLevel: r.majorLevelValue,
            majorId: r.majorId,
            photoFileId,
            status,
            ...(status !== existing.status ? { verifyReasons: [] } : {}),
          },
        });
        if (existing.userId)
          await tx.user.update({ where: { id: existing.userId }, data: { account: r.idNumber, idNumber: r.idNumber, name: r.name, phone: r.phone } });
        id = existing.id;
      } else {
        const [c] = await insertCandidates(sqlOf(tx), [r], schoolId, actor.id, now, null);
        if (photoFileId) await tx.candidate.update({ where: { id: c.id }, data: { photoFileId, status: "PENDING_VERIFICATION" } });
        id = c.id;
      }
      return { id };
    },
    ({ id }) => ({
      action: existing ? "candidate.update" : "candidate.create",
      targetType: "Candidate",
      targetId: id,
      summary: `${existing ? "编辑" : "添加"}考生 ${r.name}`,
    }),
    { unique: "该证件号码已登记为考生或学生账号" },
  );
}

/** 删除 / 批量删除: only the school's own candidates with no registered certificate; all or nothing. */
export async function deleteCandidates({ ctx, input: { ids } }: { ctx: UseCaseCtx<SchoolScope>; input: { ids: string[] } }) {
  const { schoolId } = ctx.scope;
  const rows = await ctx.db.candidate.findMany({ where: { id: { in: ids }, schoolId }, select: { id: true, name: true, userId: true } });
  if (rows.length !== new Set(ids).size) throw notFound("考生不存在");
  const registered = await ctx.db.registration.count({ where: { candidateId: { in: rows.map((r) => r.id) } } });
  if (!canDeleteCandidate(registered)) throw badRequest(rows.length > 1 ? "选中的考生中有已报考证书的考生，不能删除" : "已报考证书的考生不能删除");
  const names = rows.slice(0, 5).map((r) => r.name);
  await change(
    ctx,
    async (tx) => {
      await tx.candidate.deleteMany({ where: { id: { in: rows.map((r) => r.id) }, schoolId } });
      await tx.user.deleteMany({ where: { id: { in: rows.map((r) => r.userId).filter((x): x is string => !!x) }, role: "STUDENT" } });
    },
    { action: "candidate.delete", targetType: "Candidate", summary: `删除考生 ${rows.length} 名：${names.join("、")}${rows.length > 5 ? "等" : ""}` },
  );
  return { deleted: rows.length };
}

/** 重置密码: a new random password for the student account, shown once to the school. */
export async function resetCandidatePassword({ ctx, input: { id } }: { ctx: UseCaseCtx<SchoolScope>; input: { id: string } }) {
  const { schoolId } = ctx.scope;
  const c = await ctx.db.candidate.findFirst({ where: { id, schoolId }, select: { id: true, name: true, userId: true } });
  if (!c || !c.userId) throw notFound("考生不存在");
  const password = randomInitialPassword();
  const passwordHash = await hashPassword(password);
  await change(
    ctx,
    (tx) =>
      tx.user.update({
        where: { id: c.userId! },
        data: {
          passwordHash,
          initialPasswordEnc: encrypt(password),
          mustChangePassword: true,
          sessionVersion: { increment: 1 },
          failedLoginCount: 0,
          frozenUntil: null,
        },
      }),
    { action: "candidate.password.reset", targetType: "Candidate", targetId: c.id, summary: `重置考生 ${c.name} 的学生账号密码` },
  );
  return { password };
}
