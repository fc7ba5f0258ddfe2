"use client";
// 报考信息 (org): the registrations of the org's plans from every school, filters and export; 修改 corrects only
// 姓名拼音 and 手机号 of the registered snapshot (004: 只能联系相关培训评价组织修改…只能修改姓名拼音、手机号).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog, LoadingDialog } from "../dialog";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { usePatchState } from "../use-patch";
import { useActionMessage } from "../use-action-message";
import { CANDIDATE_TYPE_LABELS } from "@/domain/candidates/rules";
import { REGISTRATION_TABS, RegistrationDetail, registrationFields, statusCell, studentCell } from "./registration-detail";

export function OrgRegistrationsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<null | { view: string } | { edit: string }>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.registrations.pathKey() });
  const { say, banner } = useActionMessage(refresh);
  const close = () => setDialog(null);
  return (
    <>
      {banner}
      <ListPage
        title="报考信息"
        description="各参考院校在本机构考试计划中的报考信息。报考后考生信息以报考时为准，本机构只能修改姓名拼音和手机号。"
        exportList="registrations"
        exportLabel="批量导出报考数据"
        fields={registrationFields(true)}
        tabs={REGISTRATION_TABS}
        list={trpc.lists.registrations}
        rowData={(r) => ({ "data-registration": r.name })}
        columns={[
          { header: "考试计划", cell: (r) => r.plan.name, className: "min-w-40" },
          { header: "考核证书", cell: (r) => r.certificate, className: "min-w-40" },
          { header: "学生信息", cell: studentCell },
          { header: "考生类型", cell: (r) => CANDIDATE_TYPE_LABELS[r.candidateType], className: "whitespace-nowrap" },
          { header: "参考院校", cell: (r) => r.school.name, className: "min-w-32" },
          { header: "报考科目", cell: (r) => r.subjects.map((s) => s.planSubject.subject.name).join("、"), className: "min-w-32" },
          {
            header: "状态",
            cell: statusCell,
            className: "whitespace-nowrap",
          },
          { header: "缴费", cell: (r) => (r.paidAt ? "已缴费" : "未缴费"), className: "whitespace-nowrap" },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setDialog({ view: r.id })}>
              查看
            </button>
            <button className="btn-link text-amber-600" onClick={() => setDialog({ edit: r.id })}>
              修改
            </button>
          </span>
        )}
      />
      {dialog && "view" in dialog && <RegistrationDetail id={dialog.view} onClose={close} />}
      {dialog && "edit" in dialog && (
        <EditDialog
          id={dialog.edit}
          onClose={close}
          onSaved={async () => {
            close();
            say({ ok: true, text: "报考信息已修改" });
            await refresh();
          }}
        />
      )}
    </>
  );
}

function EditDialog({ id, onClose, onSaved }: { id: string; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.registrations.detail.queryOptions({ id }));
  if (!q.data) return <LoadingDialog title="修改报考信息" error={q.error} onClose={onClose} />;
  return <EditForm r={q.data} onClose={onClose} onSaved={onSaved} />;
}

function EditForm({
  r,
  onClose,
  onSaved,
}: {
  r: { id: string; name: string; pinyin: string; phone: string | null };
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const update = useMutation(trpc.registrations.update.mutationOptions());
  const [f, patch] = usePatchState({ pinyin: r.pinyin, phone: r.phone ?? "" });
  return (
    <FormDialog
      title={`修改报考信息：${r.name}`}
      onClose={onClose}
      onSubmit={async () => {
        await update.mutateAsync({ id: r.id, ...f });
        onSaved();
      }}
    >
      <p className="text-slate-500">只能修改姓名拼音和手机号；其他考生信息以报考时为准。</p>
      <Field label="姓名拼音" htmlFor="reg-pinyin" required hint="字母和空格，姓与名之间空格，如 wang yu xia">
        <input id="reg-pinyin" className="input" value={f.pinyin} onChange={(e) => patch({ pinyin: e.target.value })} />
      </Field>
      <Field label="手机号" htmlFor="reg-phone">
        <input id="reg-phone" className="input" inputMode="numeric" value={f.phone} onChange={(e) => patch({ phone: e.target.value })} />
      </Field>
    </FormDialog>
  );
}
