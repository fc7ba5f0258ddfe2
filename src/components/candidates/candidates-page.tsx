"use client";
// 考生管理 (004): 院校考生 / 社会考生, status tabs with counts, masked IDs; add, edit, delete, reset password,
// 批量导入 with 导入记录, 批量导出.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { DetailDialog, InfoGrid, Section } from "../catalogue/detail";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { usePatchState } from "../use-patch";
import { UploadButton } from "../upload";
import { ImportDialog, ImportRecordsDialog } from "../imports/import-dialog";
import type { CandidateRow } from "@/server/candidates/list";
import { CANDIDATE_STATUS_LABELS, CANDIDATE_TYPE_LABELS, GENDER_LABELS, pinyinDisplay, type CandidateType } from "@/domain/candidates/rules";
import { ID_TYPE_LABELS, type IdType } from "@/domain/candidates/identity";
import { CATALOG_VERSION_LABELS, MAJOR_LEVEL_LABELS } from "@/domain/catalogue/labels";

/** 本校考生管理 (院校考生) and 社会考生管理: two menu entries, one list definition with the type fixed. */
export function CandidatesPage({ type }: { type: CandidateType }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<null | "import" | "updates" | "photos" | "records" | { edit?: string } | { view: string }>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const del = useMutation(trpc.candidates.delete.mutationOptions());
  const reset = useMutation(trpc.candidates.resetPassword.mutationOptions());
  const verify = useMutation(trpc.candidates.verify.mutationOptions());
  const [confirming, setConfirming] = useState<CandidateRow | null>(null);
  // 批量认证 runs in the worker: the page follows its batch until it is done.
  const runVerify = async (ids: string[], clear?: () => void) => {
    if (!ids.length) return setMessage({ kind: "error", text: "请先勾选考生" });
    try {
      const r = await verify.mutateAsync({ ids });
      clear?.();
      for (;;) {
        const b = await qc.fetchQuery({ ...trpc.candidates.verification.queryOptions({ id: r.batchId }), staleTime: 0 });
        if (b.status !== "RUNNING") {
          setMessage(
            b.status === "DONE"
              ? {
                  kind: b.review ? "error" : "ok",
                  text: `认证完成：信息准确 ${b.verified} 名，需人工确认 ${b.review} 名${r.skipped ? `，${r.skipped} 名不是「信息待认证」状态未处理` : ""}`,
                }
              : { kind: "error", text: b.message ?? "认证失败，请稍后重试" },
          );
          break;
        }
        setMessage({ kind: "ok", text: `正在认证：${b.processed}/${b.total} 名${b.message ? `（${b.message}）` : ""}` });
        await new Promise((res) => setTimeout(res, 1000));
      }
      await refresh();
    } catch (e) {
      setMessage({ kind: "error", text: errorMessage(e) });
    }
  };
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.candidates.pathKey() });
  const remove = async (ids: string[], clear?: () => void) => {
    if (!ids.length) return setMessage({ kind: "error", text: "请先勾选考生" });
    if (!window.confirm(`确定删除选中的 ${ids.length} 名考生？已报考证书的考生不能删除。`)) return;
    try {
      const r = await del.mutateAsync({ ids });
      setMessage({ kind: "ok", text: `已删除 ${r.deleted} 名考生` });
      clear?.();
      await refresh();
    } catch (e) {
      setMessage({ kind: "error", text: errorMessage(e) });
    }
  };
  return (
    <>
      {message && (
        <p className={`${message.kind === "ok" ? "alert-ok" : "alert-error"} mb-3`} role="status">
          {message.text}
        </p>
      )}
      <ListPage
        title={type === "SCHOOL" ? "本校考生管理" : "社会考生管理"}
        exportList="candidates"
        exportLabel="批量导出"
        fixed={{ type }}
        fields={[
          { key: "name", label: "考生姓名" },
          { key: "idNumber", label: "证件号码" },
          { key: "number", label: "考生编号" },
        ]}
        tabs={(Object.keys(CANDIDATE_STATUS_LABELS) as (keyof typeof CANDIDATE_STATUS_LABELS)[]).map((s) => ({ value: s, label: CANDIDATE_STATUS_LABELS[s] }))}
        list={trpc.lists.candidates}
        toolbar={
          <>
            <button className="btn-primary" onClick={() => setDialog({})}>
              添加考生
            </button>
            <button className="btn-default" onClick={() => setDialog("import")}>
              批量导入考生信息
            </button>
            <button className="btn-default" onClick={() => setDialog("updates")}>
              批量修改考生信息
            </button>
            <button className="btn-default" onClick={() => setDialog("photos")}>
              批量导入学生照片
            </button>
            <button className="btn-default" onClick={() => setDialog("records")}>
              导入记录
            </button>
          </>
        }
        bulkActions={(ids, clear) => (
          <>
            <button className="btn-default" disabled={!ids.length || verify.isPending} onClick={() => runVerify(ids, clear)}>
              批量认证
            </button>
            <button className="btn-default" disabled={!ids.length} onClick={() => remove(ids, clear)}>
              批量删除
            </button>
          </>
        )}
        columns={[
          {
            header: "照片",
            cell: (r) =>
              r.photoFileId ? (
                <img src={`/api/files/${r.photoFileId}`} alt={`${r.name}的照片`} className="h-14 w-10 rounded border object-cover" />
              ) : (
                <span className="flex h-14 w-10 items-center justify-center rounded border border-dashed text-xs text-slate-400">无照片</span>
              ),
          },
          {
            header: "学生信息",
            cell: (r) => (
              <div className="text-xs leading-5" data-candidate={r.name}>
                <div>
                  <b className="text-sm">{r.name}</b>
                  {r.pinyin && <span className="text-slate-500"> ({pinyinDisplay(r.pinyin)})</span>}（{GENDER_LABELS[r.gender]}）
                </div>
                <div>
                  {ID_TYPE_LABELS[r.idType]}：{r.idNumberMasked}
                </div>
                <div>考生编号：{r.number}</div>
                {r.phoneMasked && <div>手机号：{r.phoneMasked}</div>}
              </div>
            ),
          },
          {
            header: "专业信息",
            cell: (r) => (
              <div className="text-xs leading-5">
                {r.enrolYear && <div>{r.enrolYear} 级</div>}
                {r.majorLevel && <div>{MAJOR_LEVEL_LABELS[r.majorLevel]}</div>}
                {r.major && <div>就读专业：{r.major.name}</div>}
              </div>
            ),
          },
          { header: "已报考证书", cell: (r) => r.registeredCount },
          { header: "所属院校", cell: (r) => r.school.name },
          { header: "信息状态", cell: (r) => <span data-testid="candidate-status">{CANDIDATE_STATUS_LABELS[r.status]}</span>, className: "whitespace-nowrap" },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setDialog({ view: r.id })}>
              查看
            </button>
            <button className="btn-link text-amber-600" onClick={() => setDialog({ edit: r.id })}>
              编辑
            </button>
            {r.status === "PENDING_VERIFICATION" && (
              <button className="btn-link" onClick={() => runVerify([r.id])}>
                认证
              </button>
            )}
            {r.status === "NEEDS_REVIEW" && (
              <button className="btn-link text-amber-600" onClick={() => setConfirming(r)}>
                人工确认
              </button>
            )}
            <button
              className="btn-link"
              onClick={async () => {
                try {
                  const p = await reset.mutateAsync({ id: r.id });
                  setMessage({ kind: "ok", text: `${r.name}的学生账号密码已重置为：${p.password}（仅显示一次，请告知学生首次登录后修改）` });
                } catch (e) {
                  setMessage({ kind: "error", text: errorMessage(e) });
                }
              }}
            >
              重置密码
            </button>
            <button
              className="btn-link text-red-600"
              disabled={r.registeredCount > 0}
              title={r.registeredCount > 0 ? "已报考证书的考生不能删除" : ""}
              onClick={() => remove([r.id])}
            >
              删除
            </button>
          </span>
        )}
      />
      {confirming && (
        <ConfirmDialog
          row={confirming}
          onClose={() => setConfirming(null)}
          onDone={async () => {
            setConfirming(null);
            setMessage({ kind: "ok", text: `已人工确认${confirming.name}的信息准确` });
            await refresh();
          }}
        />
      )}
      {dialog === "import" && (
        <ImportDialog kind="candidates" recordKind="CANDIDATES" title="批量导入考生信息" onClose={() => setDialog(null)} onFinished={refresh} />
      )}
      {dialog === "updates" && (
        <ImportDialog
          kind="candidate-updates"
          recordKind="CANDIDATE_UPDATES"
          title="批量修改考生信息"
          onClose={() => setDialog(null)}
          onFinished={refresh}
          instructions={(template) => (
            <li>
              先用「批量导出」导出要修改的考生，在导出的表格中修改后导入；按证件号码匹配本校考生（也可用{template}
              ）。已认证「信息准确」的考生姓名和证件不能修改。
            </li>
          )}
        />
      )}
      {dialog === "photos" && (
        <ImportDialog
          kind="candidate-photos"
          recordKind="CANDIDATE_PHOTOS"
          title="批量导入学生照片"
          zip
          onClose={() => setDialog(null)}
          onFinished={refresh}
          instructions={() => (
            <li>
              把照片命名为「证件号码.jpg」或「证件号码.png」（295×413 像素、红色背景、每张不超过 5M），打包为一个 .zip
              文件。已认证为「信息准确」的考生照片不能更换。
            </li>
          )}
        />
      )}
      {dialog === "records" && <ImportRecordsDialog kinds={["CANDIDATES", "CANDIDATE_UPDATES", "CANDIDATE_PHOTOS"]} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === "object" && "view" in dialog && <CandidateView id={dialog.view} onClose={() => setDialog(null)} />}
      {dialog && typeof dialog === "object" && !("view" in dialog) && (
        <CandidateDialog
          id={dialog.edit}
          type={type}
          onClose={() => setDialog(null)}
          onSaved={async () => {
            setDialog(null);
            setMessage({ kind: "ok", text: "考生信息已保存" });
            await refresh();
          }}
        />
      )}
    </>
  );
}

/** 人工确认: the reasons and the photo side by side, one candidate at a time. */
function ConfirmDialog({ row, onClose, onDone }: { row: CandidateRow; onClose: () => void; onDone: () => void }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.candidates.confirm.mutationOptions());
  const [error, setError] = useState("");
  return (
    <Dialog
      open
      title="人工确认"
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            取消
          </button>
          <button
            className="btn-primary"
            disabled={confirm.isPending}
            onClick={async () => {
              setError("");
              try {
                await confirm.mutateAsync({ id: row.id });
                onDone();
              } catch (e) {
                setError(errorMessage(e));
              }
            }}
          >
            确认信息准确
          </button>
        </>
      }
    >
      <div className="flex gap-4">
        {row.photoFileId ? (
          <img src={`/api/files/${row.photoFileId}`} alt={`${row.name}的照片`} className="h-40 w-28 rounded border object-cover" />
        ) : (
          <span className="flex h-40 w-28 items-center justify-center rounded border border-dashed text-slate-400">无照片</span>
        )}
        <div className="space-y-2 text-sm">
          <p>
            <b>{row.name}</b>（{GENDER_LABELS[row.gender]}） {ID_TYPE_LABELS[row.idType]}：{row.idNumberMasked}
          </p>
          <p className="text-slate-600">自动认证未通过的原因：</p>
          <ul className="list-disc pl-5 text-red-600" data-testid="verify-reasons">
            {row.verifyReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p className="text-slate-500">请核对考生本人证件与照片后确认，确认人将记入审计日志。</p>
        </div>
      </div>
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

function CandidateDialog({ id, type, onClose, onSaved }: { id?: string; type: CandidateType; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.candidates.detail.queryOptions({ id: id ?? "" }), enabled: !!id });
  if (id && !q.data)
    return (
      <Dialog open title="编辑考生" onClose={onClose}>
        <p className="text-slate-400">{q.error ? errorMessage(q.error) : "加载中…"}</p>
      </Dialog>
    );
  const c = q.data;
  return (
    <CandidateForm
      id={id}
      locked={c?.status === "VERIFIED"}
      photo={c?.photoFileId ?? null}
      initial={{
        type: c?.type ?? type,
        name: c?.name ?? "",
        pinyin: c?.pinyin ?? "",
        gender: c?.gender ?? "MALE",
        idType: c?.idType ?? "RESIDENT_ID",
        idNumber: c?.idNumber ?? "",
        phone: c?.phone ?? "",
        enrolYear: c?.enrolYear ? String(c.enrolYear) : "",
        majorLevel: c?.majorLevel ?? "HIGHER_VOCATIONAL",
        major: c?.major ?? null,
      }}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}

type Form = {
  type: "SCHOOL" | "SOCIAL";
  name: string;
  pinyin: string;
  gender: "MALE" | "FEMALE";
  idType: IdType;
  idNumber: string;
  phone: string;
  enrolYear: string;
  majorLevel: keyof typeof MAJOR_LEVEL_LABELS;
  major: PickedMajor | null;
};

function CandidateForm({
  id,
  locked,
  photo: initialPhoto,
  initial,
  onClose,
  onSaved,
}: {
  id?: string;
  locked: boolean;
  photo: string | null;
  initial: Form;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.candidates.save.mutationOptions());
  const [photo, setPhoto] = useState<string | null>(initialPhoto);
  const [f, patch] = usePatchState<Form>(initial);
  const [error, setError] = useState("");
  return (
    <Dialog
      wide
      open
      title={id ? "编辑考生" : "添加考生"}
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            取消
          </button>
          <button
            className="btn-primary"
            disabled={save.isPending}
            onClick={async () => {
              setError("");
              try {
                const { major, ...rest } = f;
                await save.mutateAsync({
                  id,
                  ...rest,
                  photoFileId: photo,
                  enrolYear: f.enrolYear ? Number(f.enrolYear) : null,
                  majorId: major?.id ?? null,
                  majorCode: null,
                  phone: f.phone || null,
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
      {locked && <p className="alert-info">考生信息已认证为「信息准确」，姓名、证件类型、证件号码和照片不能修改。</p>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="考生类型" htmlFor="cd-type" required>
          <select id="cd-type" className="input" value={f.type} onChange={(e) => patch({ type: e.target.value as Form["type"] })}>
            <option value="SCHOOL">院校考生</option>
            <option value="SOCIAL">社会考生</option>
          </select>
        </Field>
        <Field label="姓名" htmlFor="cd-name" required>
          <input id="cd-name" className="input" disabled={locked} value={f.name} onChange={(e) => patch({ name: e.target.value })} />
        </Field>
        <Field label="姓名拼音" htmlFor="cd-pinyin" hint="不填则按姓名自动生成">
          <input id="cd-pinyin" className="input" value={f.pinyin} onChange={(e) => patch({ pinyin: e.target.value })} />
        </Field>
        <Field label="性别" htmlFor="cd-gender" required>
          <select id="cd-gender" className="input" value={f.gender} onChange={(e) => patch({ gender: e.target.value as Form["gender"] })}>
            <option value="MALE">男</option>
            <option value="FEMALE">女</option>
          </select>
        </Field>
        <Field label="证件类型" htmlFor="cd-idtype" required>
          <select id="cd-idtype" className="input" disabled={locked} value={f.idType} onChange={(e) => patch({ idType: e.target.value as IdType })}>
            {(Object.keys(ID_TYPE_LABELS) as IdType[]).map((k) => (
              <option key={k} value={k}>
                {ID_TYPE_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="证件号码" htmlFor="cd-idnumber" required>
          <input id="cd-idnumber" className="input" disabled={locked} maxLength={18} value={f.idNumber} onChange={(e) => patch({ idNumber: e.target.value })} />
        </Field>
        <Field label="手机号码" htmlFor="cd-phone" required>
          <input id="cd-phone" className="input" maxLength={11} value={f.phone} onChange={(e) => patch({ phone: e.target.value.replace(/\D/g, "") })} />
        </Field>
        <Field label="入学年份" htmlFor="cd-year" required={f.type === "SCHOOL"}>
          <input id="cd-year" className="input" maxLength={4} value={f.enrolYear} onChange={(e) => patch({ enrolYear: e.target.value.replace(/\D/g, "") })} />
        </Field>
        <Field label="专业层次" htmlFor="cd-level">
          <select
            id="cd-level"
            className="input"
            value={f.majorLevel}
            onChange={(e) => {
              const majorLevel = e.target.value as Form["majorLevel"];
              // 就读专业 is chosen within the level: a major of another level no longer fits.
              patch({ majorLevel, major: f.major?.level === majorLevel ? f.major : null });
            }}
          >
            {Object.entries(MAJOR_LEVEL_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field label="照片" hint="jpg/png，295×413 像素，红色背景，不超过 5M">
          <div className="flex items-center gap-3">
            {photo ? (
              <img src={`/api/files/${photo}`} alt="考生照片" className="h-20 w-14 rounded border object-cover" />
            ) : (
              <span className="text-sm text-slate-400">未上传</span>
            )}
            {!locked && (
              <UploadButton
                purpose="candidate-photo"
                accept=".jpg,.jpeg,.png"
                label={photo ? "更换照片" : "上传照片"}
                onUploaded={(u) => setPhoto(u.id)}
                onError={setError}
              />
            )}
          </div>
        </Field>
        <MajorPicker level={f.majorLevel} value={f.major} required={f.type === "SCHOOL"} onChange={(major) => patch({ major })} />
      </div>
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

type PickedMajor = { id: string; code: string; name: string; level: keyof typeof MAJOR_LEVEL_LABELS; catalogVersion: keyof typeof CATALOG_VERSION_LABELS };
const majorLabel = (m: PickedMajor) => `【${m.code}】${m.name}（${CATALOG_VERSION_LABELS[m.catalogVersion]}）`;

/** 就读专业: searched in the major catalogue at the chosen 专业层次, by name or code, with the catalogue version. */
function MajorPicker({
  level,
  value,
  required,
  onChange,
}: {
  level: keyof typeof MAJOR_LEVEL_LABELS;
  value: PickedMajor | null;
  required: boolean;
  onChange: (m: PickedMajor | null) => void;
}) {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const options = useQuery({ ...trpc.candidates.majors.queryOptions({ q: q.trim() || undefined, level }), enabled: !value, placeholderData: (p) => p });
  return (
    <div className="sm:col-span-2">
      <Field label="就读专业" htmlFor="cd-major" required={required} hint={value ? undefined : "输入专业名称或代码搜索，在下方选择"}>
        {value ? (
          <div className="flex items-center gap-3">
            <span data-testid="picked-major">{majorLabel(value)}</span>
            <button type="button" className="btn-link" onClick={() => onChange(null)}>
              重新选择
            </button>
          </div>
        ) : (
          <input id="cd-major" className="input" aria-controls="cd-major-options" value={q} onChange={(e) => setQ(e.target.value)} />
        )}
      </Field>
      {!value && (
        <ul id="cd-major-options" aria-label="就读专业选项" className="mt-1 max-h-44 overflow-y-auto rounded border border-slate-200">
          {(options.data ?? []).map((m) => (
            <li key={m.id}>
              <button type="button" className="w-full px-3 py-1.5 text-left text-sm hover:bg-slate-50" onClick={() => onChange(m)}>
                {majorLabel(m)}
              </button>
            </li>
          ))}
          {options.data?.length === 0 && <li className="px-3 py-1.5 text-sm text-slate-400">{MAJOR_LEVEL_LABELS[level]}专业目录中没有找到该专业</li>}
        </ul>
      )}
    </div>
  );
}

/** 查看: every field, the photo, 已报考证书 and what happened to the information. */
function CandidateView({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.candidates.view.queryOptions({ id }));
  const when = (d: Date) => d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  return (
    <DetailDialog title="查看考生" onClose={onClose} query={q}>
      {(c) => (
        <div className="space-y-5">
          <div className="flex flex-col gap-4 sm:flex-row">
            {c.photoFileId ? (
              <img src={`/api/files/${c.photoFileId}`} alt={`${c.name}的照片`} className="h-40 w-28 shrink-0 rounded border object-cover" />
            ) : (
              <span className="flex h-40 w-28 shrink-0 items-center justify-center rounded border border-dashed text-slate-400">无照片</span>
            )}
            <div className="min-w-0 flex-1 text-sm">
              <InfoGrid
                items={[
                  ["姓名", c.pinyin ? `${c.name} (${pinyinDisplay(c.pinyin)})` : c.name],
                  ["性别", GENDER_LABELS[c.gender]],
                  ["考生类型", CANDIDATE_TYPE_LABELS[c.type]],
                  ["考生编号", c.number],
                  ["证件类型", ID_TYPE_LABELS[c.idType]],
                  ["证件号码", c.idNumberMasked],
                  ["手机号码", c.phoneMasked],
                  ["所属院校", c.school.name],
                  ["入学年份", c.enrolYear ? `${c.enrolYear} 级` : null],
                  ["专业层次", c.majorLevel ? MAJOR_LEVEL_LABELS[c.majorLevel] : null],
                  ["就读专业", c.major ? majorLabel({ ...c.major, id: "" }) : null],
                  ["信息状态", CANDIDATE_STATUS_LABELS[c.status]],
                ]}
              />
            </div>
          </div>
          {c.status === "NEEDS_REVIEW" && c.verifyReasons.length > 0 && <p className="alert-error">自动认证未通过：{c.verifyReasons.join("；")}</p>}
          <Section title="已报考证书">
            {c.registrations.length === 0 ? (
              <p className="text-sm text-slate-400">暂无报考证书</p>
            ) : (
              <ul className="text-sm">
                {c.registrations.map((r) => (
                  <li key={`${r.certificate}${r.level}`}>
                    {r.certificate}（{r.level}）{r.status}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title="信息记录">
            <ol className="space-y-1 text-sm" data-testid="candidate-history">
              {c.history.map((h, i) => (
                <li key={i} className="flex flex-wrap gap-x-3">
                  <span className="text-slate-500">{when(h.at)}</span>
                  <span>{h.event}</span>
                  {h.by && <span className="text-slate-500">（{h.by}）</span>}
                </li>
              ))}
            </ol>
          </Section>
        </div>
      )}
    </DetailDialog>
  );
}
