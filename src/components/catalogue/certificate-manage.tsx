"use client";
import { levelCode } from "@/domain/catalogue/codes";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { Field } from "../field";
import { UploadButton } from "../upload";
import { usePatchState } from "../use-patch";
import { Section } from "./detail";
import { EXAM_MODE_LABELS, LEVEL_LABELS, MAJOR_LEVEL_LABELS, RECORD_STATUS_LABELS } from "@/domain/catalogue/labels";
import { TARGET_GROUPS } from "@/domain/exams/subject";

type Mode = keyof typeof EXAM_MODE_LABELS;
type Level = keyof typeof LEVEL_LABELS;
const MODES = Object.keys(EXAM_MODE_LABELS) as Mode[];
const LEVELS = Object.keys(LEVEL_LABELS) as Level[];

/** 新增证书: code, name, levels and the basic information; it starts stopped. */
export function NewCertificateDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.certificates.create.mutationOptions());
  const [f, patch] = usePatchState({
    code: "",
    name: "",
    batch: "",
    category: "",
    levels: ["JUNIOR"] as Level[],
    examModes: ["COMPUTER"] as Mode[],
    hours: "",
    credits: "",
  });
  const [error, setError] = useState("");
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <Dialog
      open
      title="新增证书"
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            关闭
          </button>
          <button
            className="btn-primary"
            disabled={create.isPending}
            onClick={async () => {
              setError("");
              try {
                await create.mutateAsync({
                  code: f.code,
                  name: f.name,
                  batch: f.batch,
                  category: f.category,
                  levels: f.levels,
                  examModes: f.examModes,
                  hours: f.hours ? Number(f.hours) : null,
                  credits: f.credits ? Number(f.credits) : null,
                });
                onSaved();
              } catch (e) {
                setError(errorMessage(e));
              }
            }}
          >
            保存
          </button>
        </>
      }
    >
      <Field
        label="证书代码"
        htmlFor="c-code"
        required
        hint={
          /^\d{7}$/.test(f.code) && f.levels.length
            ? `各等级证书编号：${LEVELS.filter((l) => f.levels.includes(l))
                .map((l) => `${LEVEL_LABELS[l]} ${levelCode(f.code, l)}`)
                .join("、")}`
            : "7 位数字；各等级证书编号在其后加 1 初级、2 中级、3 高级"
        }
      >
        <input id="c-code" className="input" inputMode="numeric" value={f.code} onChange={(e) => patch({ code: e.target.value.replace(/\D/g, "") })} />
      </Field>
      <Field label="证书名称" htmlFor="c-name" required hint="以“职业技能等级证书”结尾">
        <input id="c-name" className="input" value={f.name} onChange={(e) => patch({ name: e.target.value })} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="所属批次" htmlFor="c-batch" required>
          <input id="c-batch" className="input" placeholder="第五批" value={f.batch} onChange={(e) => patch({ batch: e.target.value })} />
        </Field>
        <Field label="专业大类" htmlFor="c-cat" required>
          <input id="c-cat" className="input" value={f.category} onChange={(e) => patch({ category: e.target.value })} />
        </Field>
        <Field label="学时" htmlFor="c-hours">
          <input id="c-hours" className="input" inputMode="numeric" value={f.hours} onChange={(e) => patch({ hours: e.target.value.replace(/\D/g, "") })} />
        </Field>
        <Field label="建议学分" htmlFor="c-credits">
          <input
            id="c-credits"
            className="input"
            inputMode="decimal"
            value={f.credits}
            onChange={(e) => patch({ credits: e.target.value.replace(/[^\d.]/g, "") })}
          />
        </Field>
      </div>
      <Field label="证书等级" required>
        <div className="flex gap-4">
          {LEVELS.map((l) => (
            <label key={l} className="flex items-center gap-1">
              <input type="checkbox" checked={f.levels.includes(l)} onChange={() => patch({ levels: toggle(f.levels, l) })} />
              {LEVEL_LABELS[l]}
            </label>
          ))}
        </div>
      </Field>
      <Field label="考试方式" required>
        <div className="flex gap-4">
          {MODES.map((m) => (
            <label key={m} className="flex items-center gap-1">
              <input type="checkbox" checked={f.examModes.includes(m)} onChange={() => patch({ examModes: toggle(f.examModes, m) })} />
              {EXAM_MODE_LABELS[m]}
            </label>
          ))}
        </div>
      </Field>
      <p className="text-xs text-slate-500">新增的证书为停用状态；维护好等级、科目和对应专业后再启用。</p>
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** 维护: levels and subjects, corresponding majors, sample PDF — for the org's own certificate. */
export function ManageCertificateDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.catalogue.certificate.queryOptions({ id }));
  const addLevel = useMutation(trpc.certificates.addLevel.mutationOptions());
  const addSubject = useMutation(trpc.certificates.addSubject.mutationOptions());
  const enableSubject = useMutation(trpc.certificates.enableSubject.mutationOptions());
  const disableSubject = useMutation(trpc.certificates.disableSubject.mutationOptions());
  const setMajors = useMutation(trpc.certificates.setMajors.mutationOptions());
  const update = useMutation(trpc.certificates.update.mutationOptions());
  const [search, setSearch] = useState("");
  const majors = useQuery(trpc.certificates.majors.queryOptions({ q: search || undefined }));
  const [s, patch] = usePatchState({
    levelId: "",
    code: "",
    name: "",
    examMode: "COMPUTER" as Mode,
    duration: "90",
    targetGroup: "所有考生",
    fullScore: "100",
    passScore: "60",
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const c = q.data;
  const refresh = () => qc.invalidateQueries();
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setMessage(null);
    try {
      await fn();
      setMessage({ ok: true, text: ok });
      await refresh();
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  };
  const majorIds = c?.majors.map((m) => m.major.id) ?? [];
  return (
    <Dialog
      wide
      open
      title={`维护证书：${c?.name ?? ""}`}
      onClose={onClose}
      footer={
        <button className="btn-default" onClick={onClose}>
          关闭
        </button>
      }
    >
      {!c ? (
        <p className="text-slate-400">加载中…</p>
      ) : (
        <div className="space-y-5">
          {message && (
            <p className={message.ok ? "alert-ok" : "alert-error"} role={message.ok ? "status" : "alert"}>
              {message.text}
            </p>
          )}
          <BasicInfo key={`${c.id}${c.updatedAt.getTime()}`} c={c} onSave={(v) => run(() => update.mutateAsync({ id, ...v }), "已保存基本信息")} />
          <Section title="等级与考试科目">
            <div className="flex flex-wrap gap-2">
              {LEVELS.filter((l) => !c.levels.some((x) => x.level === l)).map((l) => (
                <button key={l} className="btn-default" onClick={() => run(() => addLevel.mutateAsync({ id, level: l }), `已增加${LEVEL_LABELS[l]}`)}>
                  增加{LEVEL_LABELS[l]}
                </button>
              ))}
            </div>
            <table className="table">
              <thead>
                <tr>
                  <th>等级</th>
                  <th>科目编号</th>
                  <th>科目名称</th>
                  <th>考试方式</th>
                  <th>时长</th>
                  <th>参考对象</th>
                  <th>合格分数</th>
                  <th>状态</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {c.levels.flatMap((l) =>
                  l.subjects.map((sub) => (
                    <tr key={sub.id}>
                      <td className="whitespace-nowrap">
                        {LEVEL_LABELS[l.level]} <span className="font-mono text-xs">{l.code}</span>
                      </td>
                      <td className="font-mono text-xs">{sub.code}</td>
                      <td>{sub.name}</td>
                      <td>{EXAM_MODE_LABELS[sub.examMode]}</td>
                      <td>{sub.durationMinutes} 分钟</td>
                      <td>{sub.targetGroup}</td>
                      <td>
                        {sub.passScore}/{sub.fullScore}
                      </td>
                      <td>{RECORD_STATUS_LABELS[sub.status]}</td>
                      <td>
                        {sub.status === "ENABLED" ? (
                          <button
                            className="btn-link text-slate-500"
                            onClick={() => run(() => disableSubject.mutateAsync({ id: sub.id }), `已停用科目 ${sub.code}`)}
                          >
                            停用
                          </button>
                        ) : (
                          <button className="btn-link" onClick={() => run(() => enableSubject.mutateAsync({ id: sub.id }), `已启用科目 ${sub.code}`)}>
                            启用
                          </button>
                        )}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
            <div className="grid grid-cols-2 gap-2 rounded border border-slate-200 p-3 sm:grid-cols-6">
              <select aria-label="科目等级" className="input sm:col-span-1" value={s.levelId} onChange={(e) => patch({ levelId: e.target.value })}>
                <option value="">等级</option>
                {c.levels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {LEVEL_LABELS[l.level]} {l.code}
                  </option>
                ))}
              </select>
              <input
                aria-label="科目编号"
                className="input"
                placeholder={`${c.levels.find((l) => l.id === s.levelId)?.code ?? "等级证书编号"}XXX`}
                value={s.code}
                onChange={(e) => patch({ code: e.target.value })}
              />
              <input
                aria-label="科目名称"
                className="input sm:col-span-2"
                placeholder="科目名称"
                value={s.name}
                onChange={(e) => patch({ name: e.target.value })}
              />
              <select aria-label="考试方式" className="input" value={s.examMode} onChange={(e) => patch({ examMode: e.target.value as Mode })}>
                {MODES.map((m) => (
                  <option key={m} value={m}>
                    {EXAM_MODE_LABELS[m]}
                  </option>
                ))}
              </select>
              <input
                aria-label="参考对象"
                className="input sm:col-span-2"
                list="target-groups"
                placeholder="所有考生 / 院校考生 / 社会考生 / 专业方向"
                value={s.targetGroup}
                onChange={(e) => patch({ targetGroup: e.target.value })}
              />
              <datalist id="target-groups">
                {TARGET_GROUPS.map((g) => (
                  <option key={g} value={g} />
                ))}
              </datalist>
              <input aria-label="满分" className="input" value={s.fullScore} onChange={(e) => patch({ fullScore: e.target.value.replace(/\D/g, "") })} />
              <input aria-label="合格分数" className="input" value={s.passScore} onChange={(e) => patch({ passScore: e.target.value.replace(/\D/g, "") })} />
              <div className="flex gap-2">
                <input
                  aria-label="时长（分钟）"
                  className="input"
                  value={s.duration}
                  onChange={(e) => patch({ duration: e.target.value.replace(/\D/g, "") })}
                />
                <button
                  className="btn-primary shrink-0"
                  onClick={() =>
                    run(
                      () =>
                        addSubject.mutateAsync({
                          levelId: s.levelId,
                          code: s.code,
                          name: s.name,
                          examMode: s.examMode,
                          durationMinutes: Number(s.duration || 0),
                          targetGroup: s.targetGroup,
                          fullScore: Number(s.fullScore || 0),
                          passScore: Number(s.passScore || 0),
                        }),
                      "已新增科目",
                    )
                  }
                >
                  新增科目
                </button>
              </div>
            </div>
          </Section>
          <Section title="证书对应专业">
            <ul className="flex flex-wrap gap-2">
              {c.majors.map(({ major: m }) => (
                <li key={m.id} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-1 text-xs">
                  {m.name}（{MAJOR_LEVEL_LABELS[m.level]} {m.code}）
                  <button
                    aria-label={`移除${m.name}`}
                    className="text-red-600"
                    onClick={() => run(() => setMajors.mutateAsync({ id, majorIds: majorIds.filter((x) => x !== m.id) }), `已移除 ${m.name}`)}
                  >
                    ✕
                  </button>
                </li>
              ))}
              {c.majors.length === 0 && <li className="text-slate-400">未设置</li>}
            </ul>
            <div className="flex gap-2">
              <input aria-label="搜索专业" className="input" placeholder="输入专业名称或代码搜索" value={search} onChange={(e) => setSearch(e.target.value)} />
            </div>
            <ul className="max-h-40 overflow-y-auto rounded border border-slate-200">
              {majors.data
                ?.filter((m) => !majorIds.includes(m.id))
                .map((m) => (
                  <li key={m.id} className="flex items-center justify-between px-3 py-1.5 text-sm hover:bg-slate-50">
                    <span>
                      {m.name}（{MAJOR_LEVEL_LABELS[m.level]} {m.code}
                      {m.catalogVersion === "OLD" ? "，旧目录" : ""}）
                    </span>
                    <button className="btn-link" onClick={() => run(() => setMajors.mutateAsync({ id, majorIds: [...majorIds, m.id] }), `已添加 ${m.name}`)}>
                      添加
                    </button>
                  </li>
                ))}
            </ul>
          </Section>
          <Section title="证书样本">
            <p className="text-sm text-slate-500">
              {c.sampleFileId ? (
                <a className="btn-link" href={`/api/files/${c.sampleFileId}`} target="_blank" rel="noreferrer">
                  查看证书样本
                </a>
              ) : (
                "未上传"
              )}
              （修改基本信息与样本需先停用证书）
            </p>
            {c.status === "DISABLED" && (
              <UploadButton
                purpose="certificate-sample"
                accept=".pdf"
                label="上传证书样本（PDF）"
                onError={(m) => m && setMessage({ ok: false, text: m })}
                onUploaded={(u) =>
                  run(
                    () =>
                      update.mutateAsync({
                        id,
                        batch: c.batch,
                        category: c.category,
                        examModes: c.examModes,
                        examTimeNote: c.examTimeNote,
                        hours: c.hours,
                        credits: c.credits ? Number(c.credits) : null,
                        targetGroups: c.targetGroups,
                        requirements: c.requirements,
                        intro: c.intro,
                        englishName: c.englishName,
                        englishIntro: c.englishIntro,
                        skillStandardId: c.skillStandardId,
                        siteStandardId: c.siteStandardId,
                        sampleFileId: u.id,
                      }),
                    "已更新证书样本",
                  )
                }
              />
            )}
          </Section>
        </div>
      )}
    </Dialog>
  );
}

type Detail = {
  status: "ENABLED" | "DISABLED";
  batch: string;
  category: string;
  examModes: Mode[];
  examTimeNote: string | null;
  hours: number | null;
  credits: string | null;
  targetGroups: string | null;
  requirements: string | null;
  intro: string | null;
  englishName: string | null;
  englishIntro: string | null;
  skillStandardId: string | null;
  siteStandardId: string | null;
  sampleFileId: string | null;
};

/** 基本信息: editable while the certificate is stopped (the server enforces it too). */
function BasicInfo({
  c,
  onSave,
}: {
  c: Detail;
  onSave: (v: Omit<Detail, "status" | "credits" | "hours"> & { credits: number | null; hours: number | null }) => void;
}) {
  const [f, patch] = usePatchState({
    batch: c.batch,
    category: c.category,
    examModes: c.examModes,
    examTimeNote: c.examTimeNote ?? "",
    hours: c.hours?.toString() ?? "",
    credits: c.credits ?? "",
    targetGroups: c.targetGroups ?? "",
    requirements: c.requirements ?? "",
    intro: c.intro ?? "",
    englishName: c.englishName ?? "",
    englishIntro: c.englishIntro ?? "",
  });
  const locked = c.status !== "DISABLED";
  const text = (k: "batch" | "category" | "examTimeNote" | "englishName", label: string) => (
    <Field label={label} htmlFor={`ci-${k}`}>
      <input id={`ci-${k}`} className="input" disabled={locked} value={f[k]} onChange={(e) => patch({ [k]: e.target.value })} />
    </Field>
  );
  const area = (k: "targetGroups" | "requirements" | "intro" | "englishIntro", label: string) => (
    <Field label={label} htmlFor={`ci-${k}`}>
      <textarea id={`ci-${k}`} className="input" rows={2} disabled={locked} value={f[k]} onChange={(e) => patch({ [k]: e.target.value })} />
    </Field>
  );
  return (
    <Section title="基本信息">
      {locked && <p className="text-xs text-slate-500">证书启用中，基本信息只读；如需修改请先停用。</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        {text("batch", "所属批次")}
        {text("category", "专业大类")}
        {text("examTimeNote", "考试时间")}
        {text("englishName", "英文名称")}
        <Field label="学时" htmlFor="ci-hours">
          <input id="ci-hours" className="input" disabled={locked} value={f.hours} onChange={(e) => patch({ hours: e.target.value.replace(/\D/g, "") })} />
        </Field>
        <Field label="建议学分" htmlFor="ci-credits">
          <input
            id="ci-credits"
            className="input"
            disabled={locked}
            value={f.credits}
            onChange={(e) => patch({ credits: e.target.value.replace(/[^\d.]/g, "") })}
          />
        </Field>
        <Field label="考试方式">
          <div className="flex gap-4">
            {MODES.map((m) => (
              <label key={m} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  disabled={locked}
                  checked={f.examModes.includes(m)}
                  onChange={() => patch({ examModes: f.examModes.includes(m) ? f.examModes.filter((x) => x !== m) : [...f.examModes, m] })}
                />
                {EXAM_MODE_LABELS[m]}
              </label>
            ))}
          </div>
        </Field>
      </div>
      {area("targetGroups", "适用人群")}
      {area("requirements", "取证要求")}
      {area("intro", "证书简介")}
      {area("englishIntro", "英文翻译")}
      {!locked && (
        <button
          className="btn-primary"
          onClick={() =>
            onSave({
              ...f,
              hours: f.hours ? Number(f.hours) : null,
              credits: f.credits ? Number(f.credits) : null,
              examTimeNote: f.examTimeNote || null,
              targetGroups: f.targetGroups || null,
              requirements: f.requirements || null,
              intro: f.intro || null,
              englishName: f.englishName || null,
              englishIntro: f.englishIntro || null,
              skillStandardId: c.skillStandardId,
              siteStandardId: c.siteStandardId,
              sampleFileId: c.sampleFileId,
            })
          }
        >
          保存基本信息
        </button>
      )}
    </Section>
  );
}
