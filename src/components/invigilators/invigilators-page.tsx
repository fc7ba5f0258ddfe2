"use client";
// 监考人员 (school, 002 §5.2.11): teachers put forward per certificate, each certified by its org; 考评人员认证
// (org): certify or reject per certificate, one or many.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog, LoadingDialog } from "../dialog";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { DetailDialog, InfoGrid } from "../catalogue/detail";
import { useActionMessage } from "../use-action-message";
import { ImportButtons, ImportDialog, ImportRecordsDialog } from "../imports/import-dialog";
import { GENDER_LABELS } from "@/domain/candidates/rules";
import { INVIGILATOR_STATUS_LABELS, canDeleteInvigilator, canRemoveCertificate, type InvigilatorStatus } from "@/domain/invigilators/rules";

const TONE: Record<InvigilatorStatus, string> = { PENDING: "text-amber-600", CERTIFIED: "text-green-700", REJECTED: "text-red-600" };
const statuses = Object.keys(INVIGILATOR_STATUS_LABELS) as InvigilatorStatus[];

export function InvigilatorsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<null | "import" | "records" | { edit?: string } | { view: string }>(null);
  const remove = useMutation(trpc.invigilators.delete.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.invigilators.pathKey() });
  const { act, banner } = useActionMessage(refresh);
  const close = () => setDialog(null);
  return (
    <>
      {banner}
      <ListPage
        title="监考人员"
        description="参加培训评价组织考评员培训的教师，在此新增或导入并选择监考证书，提交后由各证书的培训评价组织认证；认证通过后可被分配到考场监考。已认证的证书不能删除。"
        exportList="invigilators"
        exportLabel="批量导出监考人员"
        fields={[
          { key: "name", label: "姓名" },
          { key: "certificate", label: "监考证书" },
        ]}
        tabs={statuses.map((s) => ({ value: s, label: `含${INVIGILATOR_STATUS_LABELS[s]}` }))}
        list={trpc.lists.invigilators}
        rowData={(r) => ({ "data-invigilator": r.teacher.name })}
        toolbar={
          <>
            <ImportButtons label="批量导入监考人员" onImport={() => setDialog("import")} onRecords={() => setDialog("records")} />
            <button className="btn-primary" onClick={() => setDialog({})}>
              新增监考人员
            </button>
          </>
        }
        columns={[
          { header: "姓名", cell: (r) => r.teacher.name },
          { header: "性别", cell: (r) => GENDER_LABELS[r.teacher.gender] },
          { header: "证件号码", cell: (r) => r.teacher.idNumberMasked, className: "whitespace-nowrap" },
          { header: "所在院系", cell: (r) => r.teacher.department ?? "—" },
          {
            header: "监考证书及认证状态",
            cell: (r) => (
              <ul className="space-y-0.5 text-xs">
                {r.certificates.map((c) => (
                  <li key={c.id}>
                    {c.certificate.name}：<span className={TONE[c.status]}>{INVIGILATOR_STATUS_LABELS[c.status]}</span>
                    {c.reason && <span className="text-slate-500">（{c.reason}）</span>}
                  </li>
                ))}
              </ul>
            ),
            className: "min-w-64",
          },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setDialog({ view: r.id })}>
              查看
            </button>
            <button className="btn-link text-amber-600" onClick={() => setDialog({ edit: r.id })}>
              编辑
            </button>
            {canDeleteInvigilator(r.certificates) && (
              <button
                className="btn-link text-red-600"
                onClick={() =>
                  window.confirm(`确定删除监考人员「${r.teacher.name}」吗？`) &&
                  act(() => remove.mutateAsync({ ids: [r.id] }), `已删除监考人员「${r.teacher.name}」`)
                }
              >
                删除
              </button>
            )}
          </span>
        )}
      />
      {dialog === "import" && <ImportDialog kind="invigilators" recordKind="INVIGILATORS" title="批量导入监考人员" onClose={close} onFinished={refresh} />}
      {dialog === "records" && <ImportRecordsDialog kinds={["INVIGILATORS"]} onClose={close} />}
      {dialog && typeof dialog === "object" && "view" in dialog && <InvigilatorDetail id={dialog.view} onClose={close} />}
      {dialog && typeof dialog === "object" && !("view" in dialog) && (
        <InvigilatorDialog
          id={dialog.edit}
          onClose={close}
          onSaved={async () => {
            close();
            await refresh();
          }}
        />
      )}
    </>
  );
}

function InvigilatorDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.invigilators.detail.queryOptions({ id }));
  return (
    <DetailDialog title="查看监考人员" onClose={onClose} query={q}>
      {(r) => (
        <div className="space-y-3">
          <InfoGrid
            items={[
              ["姓名", r.teacher.name],
              ["性别", GENDER_LABELS[r.teacher.gender]],
              ["证件号码", r.teacher.idNumberMasked],
              ["手机号", r.teacher.phoneMasked],
              ["职称", r.teacher.title],
              ["所在院系", r.teacher.department],
            ]}
          />
          <CertificateTable certificates={r.certificates} />
        </div>
      )}
    </DetailDialog>
  );
}

function CertificateTable({
  certificates,
}: {
  certificates: { id: string; code: string; name: string; org: string; status: InvigilatorStatus; reason: string | null }[];
}) {
  return (
    <table className="table">
      <caption className="mb-1 text-left font-medium">监考证书</caption>
      <thead>
        <tr>
          <th>证书代码</th>
          <th>证书名称</th>
          <th>培训评价组织</th>
          <th>认证状态</th>
        </tr>
      </thead>
      <tbody>
        {certificates.map((c) => (
          <tr key={c.id}>
            <td>{c.code}</td>
            <td>{c.name}</td>
            <td>{c.org}</td>
            <td className={TONE[c.status]}>
              {INVIGILATOR_STATUS_LABELS[c.status]}
              {c.reason && <span className="text-slate-500">（{c.reason}）</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InvigilatorDialog({ id, onClose, onSaved }: { id?: string; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.invigilators.detail.queryOptions({ id: id ?? "" }), enabled: !!id });
  if (id && !existing.data) return <LoadingDialog title="编辑监考人员" error={existing.error} onClose={onClose} />;
  return <InvigilatorForm existing={id ? existing.data : undefined} onClose={onClose} onSaved={onSaved} />;
}

function InvigilatorForm({
  existing,
  onClose,
  onSaved,
}: {
  existing?: { id: string; teacher: { id: string; name: string }; certificates: { id: string; status: InvigilatorStatus }[] };
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const teachers = useQuery({ ...trpc.teachers.choices.queryOptions({ q: q.trim() || undefined }), enabled: !existing });
  const certificates = useQuery(trpc.invigilators.certificates.queryOptions());
  const save = useMutation(trpc.invigilators.save.mutationOptions());
  const [teacherId, setTeacherId] = useState(existing?.teacher.id ?? "");
  const [chosen, setChosen] = useState<string[]>(existing?.certificates.map((c) => c.id) ?? []);
  const statusOf = (id: string) => existing?.certificates.find((c) => c.id === id)?.status;
  return (
    <FormDialog
      wide
      title={existing ? "编辑监考人员" : "新增监考人员"}
      submitLabel="提交认证"
      onClose={onClose}
      onSubmit={async () => {
        await save.mutateAsync({ id: existing?.id, teacherId, certificateIds: chosen });
        onSaved();
      }}
    >
      {existing ? (
        <p>
          教师：<b>{existing.teacher.name}</b>
        </p>
      ) : (
        <>
          <Field label="搜索教师" htmlFor="inv-q" hint="从「教师管理」的名单中选择；不在名单中的请先添加教师">
            <input id="inv-q" className="input" placeholder="输入姓名搜索" value={q} onChange={(e) => setQ(e.target.value)} />
          </Field>
          <Field label="教师" htmlFor="inv-teacher" required>
            <select id="inv-teacher" className="input" value={teacherId} onChange={(e) => setTeacherId(e.target.value)}>
              <option value="">请选择</option>
              {teachers.data?.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}（{t.idNumberMasked}
                  {t.department ? ` · ${t.department}` : ""}）
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      <fieldset>
        <legend className="label">
          <span aria-hidden="true" className="mr-0.5 text-red-500">
            *
          </span>
          监考证书（本校试点的证书；已认证的不能取消，认证未通过的再次提交即重新认证）
        </legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {certificates.data?.map((c) => {
            const status = statusOf(c.id);
            const locked = !!status && !canRemoveCertificate(status);
            return (
              <label key={c.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  disabled={locked}
                  checked={chosen.includes(c.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))}
                />
                {c.name}
                {status && <span className={`text-xs ${TONE[status]}`}>{INVIGILATOR_STATUS_LABELS[status]}</span>}
              </label>
            );
          })}
        </div>
      </fieldset>
    </FormDialog>
  );
}

export function CertificationsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const decide = useMutation(trpc.invigilators.decide.mutationOptions());
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.invigilatorCertifications.pathKey() });
  const { act, say, banner } = useActionMessage(refresh);
  const approve = (ids: string[], clear?: () => void) =>
    act(
      async () => {
        const r = await decide.mutateAsync({ ids, approve: true });
        clear?.();
        return r;
      },
      (r) => `已认证通过 ${r.decided} 条${r.failed.length ? `，${r.failed.length} 条未处理：${r.failed[0].message}` : ""}`,
    );
  return (
    <>
      {banner}
      <ListPage
        title="考评人员认证"
        description="院校提交的监考人员按证书认证；认证通过的监考人员可在排考时分配到该院校的考场。"
        initialTab="PENDING"
        exportList="invigilatorCertifications"
        exportLabel="批量导出"
        fields={[
          { key: "name", label: "姓名" },
          { key: "school", label: "所属院校" },
          { key: "certificate", label: "监考证书" },
        ]}
        tabs={statuses.map((s) => ({ value: s, label: INVIGILATOR_STATUS_LABELS[s] }))}
        list={trpc.lists.invigilatorCertifications}
        rowData={(r) => ({ "data-invigilator": r.name })}
        bulkActions={(ids, clear) => (
          <>
            <button className="btn-default" disabled={ids.length === 0} onClick={() => approve(ids, clear)}>
              批量认证通过
            </button>
            <button className="btn-default" disabled={ids.length === 0} onClick={() => setRejecting(ids)}>
              批量不通过
            </button>
          </>
        )}
        columns={[
          { header: "姓名", cell: (r) => r.name },
          { header: "性别", cell: (r) => GENDER_LABELS[r.gender] },
          { header: "证件号码", cell: (r) => r.idNumberMasked, className: "whitespace-nowrap" },
          { header: "所属院校", cell: (r) => r.school },
          { header: "职称", cell: (r) => r.title ?? "—" },
          { header: "监考证书", cell: (r) => r.certificate.name, className: "min-w-40" },
          {
            header: "认证状态",
            cell: (r) => (
              <span className={TONE[r.status]}>
                {INVIGILATOR_STATUS_LABELS[r.status]}
                {r.reason && <span className="block text-xs text-slate-500">{r.reason}</span>}
              </span>
            ),
          },
        ]}
        actions={(r) =>
          r.status === "PENDING" ? (
            <span className="flex gap-2">
              <button className="btn-link" onClick={() => approve([r.id])}>
                认证通过
              </button>
              <button className="btn-link text-red-600" onClick={() => setRejecting([r.id])}>
                不通过
              </button>
            </span>
          ) : null
        }
      />
      {rejecting && (
        <RejectDialog
          count={rejecting.length}
          onClose={() => setRejecting(null)}
          onSubmit={async (reason) => {
            const r = await decide.mutateAsync({ ids: rejecting, approve: false, reason });
            setRejecting(null);
            say({ ok: true, text: `已认证不通过 ${r.decided} 条` });
            await refresh();
          }}
        />
      )}
    </>
  );
}

function RejectDialog({ count, onClose, onSubmit }: { count: number; onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState("");
  return (
    <FormDialog title="认证不通过" submitLabel="确定" onClose={onClose} onSubmit={() => onSubmit(reason)}>
      <p>共 {count} 条，请填写不通过原因（院校可在修改后重新提交）。</p>
      <Field label="不通过原因" htmlFor="rej-reason" required>
        <textarea id="rej-reason" className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
