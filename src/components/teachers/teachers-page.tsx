"use client";
// 教师管理: the school's teacher roster — add, edit, delete, import with 导入记录, export. 专任教师 per major
// feed the pilot application's 本专业专任教师数; 监考人员 are chosen from it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog, LoadingDialog } from "../dialog";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { usePatchState } from "../use-patch";
import { useActionMessage } from "../use-action-message";
import { ImportButtons, ImportDialog, ImportRecordsDialog } from "../imports/import-dialog";
import { GENDER_LABELS } from "@/domain/candidates/rules";
import { ID_TYPE_LABELS, type IdType } from "@/domain/candidates/identity";
import { MAJOR_LEVEL_LABELS } from "@/domain/catalogue/labels";
import { TEACHER_TITLES } from "@/domain/teachers/rules";

export function TeachersPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<null | "import" | "records" | { edit?: string }>(null);
  const remove = useMutation(trpc.teachers.delete.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.teachers.pathKey() });
  const { act, banner } = useActionMessage(refresh);
  const del = (ids: string[], text: string, clear?: () => void) =>
    window.confirm(text) &&
    act(async () => {
      await remove.mutateAsync({ ids });
      clear?.();
    }, `已删除 ${ids.length} 名教师`);
  const close = () => setDialog(null);
  return (
    <>
      {banner}
      <ListPage
        title="教师管理"
        description="本校教师名单：专任教师按任教专业统计，可在证书试点申报中带出「本专业专任教师数」；监考人员从本名单中选择。"
        exportList="teachers"
        exportLabel="批量导出教师"
        fields={[
          { key: "name", label: "姓名" },
          { key: "idNumber", label: "证件号码" },
          { key: "department", label: "所在院系" },
        ]}
        tabs={[
          { value: "FULL_TIME", label: "专任教师" },
          { value: "PART_TIME", label: "兼职教师" },
        ]}
        list={trpc.lists.teachers}
        rowData={(r) => ({ "data-teacher": r.name })}
        toolbar={
          <>
            <ImportButtons label="批量导入教师" onImport={() => setDialog("import")} onRecords={() => setDialog("records")} />
            <button className="btn-primary" onClick={() => setDialog({})}>
              添加教师
            </button>
          </>
        }
        bulkActions={(ids, clear) => (
          <button className="btn-default" disabled={ids.length === 0} onClick={() => del(ids, `确定删除勾选的 ${ids.length} 名教师吗？`, clear)}>
            批量删除
          </button>
        )}
        columns={[
          { header: "姓名", cell: (r) => r.name },
          { header: "性别", cell: (r) => GENDER_LABELS[r.gender] },
          { header: "证件号码", cell: (r) => r.idNumberMasked, className: "whitespace-nowrap" },
          { header: "手机号", cell: (r) => r.phoneMasked, className: "whitespace-nowrap" },
          { header: "职称", cell: (r) => r.title ?? "—" },
          { header: "所在院系", cell: (r) => r.department ?? "—" },
          { header: "专任", cell: (r) => (r.fullTime ? "是" : "否") },
          { header: "任教专业", cell: (r) => r.majors.map((m) => m.major.name).join("、") || "—", className: "min-w-32" },
          { header: "监考人员", cell: (r) => (r.isInvigilator ? "是" : "—") },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link text-amber-600" onClick={() => setDialog({ edit: r.id })}>
              编辑
            </button>
            <button className="btn-link text-red-600" onClick={() => del([r.id], `确定删除教师「${r.name}」吗？`)}>
              删除
            </button>
          </span>
        )}
      />
      {dialog === "import" && <ImportDialog kind="teachers" recordKind="TEACHERS" title="批量导入教师" onClose={close} onFinished={refresh} />}
      {dialog === "records" && <ImportRecordsDialog kinds={["TEACHERS"]} onClose={close} />}
      {dialog && typeof dialog === "object" && (
        <TeacherDialog
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

function TeacherDialog({ id, onClose, onSaved }: { id?: string; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.teachers.detail.queryOptions({ id: id ?? "" }), enabled: !!id });
  if (id && !existing.data) return <LoadingDialog title="编辑教师" error={existing.error} onClose={onClose} />;
  return <TeacherForm teacher={id ? existing.data : undefined} onClose={onClose} onSaved={onSaved} />;
}

type Major = { id: string; code: string; name: string; level: keyof typeof MAJOR_LEVEL_LABELS };
type Existing = {
  id: string;
  name: string;
  gender: "MALE" | "FEMALE";
  idType: IdType;
  idNumber: string;
  phone: string;
  title: string | null;
  department: string | null;
  fullTime: boolean;
  majors: Major[];
};

function TeacherForm({ teacher, onClose, onSaved }: { teacher?: Existing; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const save = useMutation(trpc.teachers.save.mutationOptions());
  const [f, patch] = usePatchState({
    name: teacher?.name ?? "",
    gender: teacher?.gender ?? ("MALE" as "MALE" | "FEMALE"),
    idType: teacher?.idType ?? ("RESIDENT_ID" as IdType),
    idNumber: teacher?.idNumber ?? "",
    phone: teacher?.phone ?? "",
    title: teacher?.title ?? "",
    department: teacher?.department ?? "",
    fullTime: teacher?.fullTime ?? true,
    majors: teacher?.majors ?? ([] as Major[]),
  });
  const [q, setQ] = useState("");
  const options = useQuery({ ...trpc.teachers.majors.queryOptions({ q: q.trim() || undefined }), enabled: !!q.trim() });
  const text = (key: "name" | "idNumber" | "phone" | "department", label: string, required = true) => (
    <Field label={label} htmlFor={`t-${key}`} required={required}>
      <input id={`t-${key}`} className="input" value={f[key]} onChange={(e) => patch({ [key]: e.target.value })} />
    </Field>
  );
  return (
    <FormDialog
      wide
      title={teacher ? "编辑教师" : "添加教师"}
      onClose={onClose}
      onSubmit={async () => {
        await save.mutateAsync({
          id: teacher?.id,
          name: f.name,
          gender: f.gender,
          idType: f.idType,
          idNumber: f.idNumber,
          phone: f.phone,
          title: f.title || null,
          department: f.department || null,
          fullTime: f.fullTime,
          majorIds: f.majors.map((m) => m.id),
        });
        onSaved();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {text("name", "姓名")}
        <Field label="性别" htmlFor="t-gender" required>
          <select id="t-gender" className="input" value={f.gender} onChange={(e) => patch({ gender: e.target.value as "MALE" | "FEMALE" })}>
            <option value="MALE">男</option>
            <option value="FEMALE">女</option>
          </select>
        </Field>
        <Field label="证件类型" htmlFor="t-idType" required>
          <select id="t-idType" className="input" value={f.idType} onChange={(e) => patch({ idType: e.target.value as IdType })}>
            {(Object.keys(ID_TYPE_LABELS) as IdType[]).map((k) => (
              <option key={k} value={k}>
                {ID_TYPE_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {text("idNumber", "证件号码")}
        {text("phone", "手机号")}
        <Field label="职称" htmlFor="t-title">
          <select id="t-title" className="input" value={f.title} onChange={(e) => patch({ title: e.target.value })}>
            <option value="">请选择</option>
            {TEACHER_TITLES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </Field>
        {text("department", "所在院系", false)}
        <Field label="是否专任教师" htmlFor="t-fullTime">
          <select id="t-fullTime" className="input" value={f.fullTime ? "1" : "0"} onChange={(e) => patch({ fullTime: e.target.value === "1" })}>
            <option value="1">是（专任教师）</option>
            <option value="0">否（兼职、外聘）</option>
          </select>
        </Field>
      </div>
      <Field label="任教专业" htmlFor="t-major" hint="专任教师按任教专业计入「本专业专任教师数」">
        <input id="t-major" className="input" placeholder="输入专业名称或代码搜索后添加" value={q} onChange={(e) => setQ(e.target.value)} />
        {q.trim() && (
          <ul className="mt-1 max-h-32 overflow-y-auto rounded border border-slate-200">
            {options.data
              ?.filter((m) => !f.majors.some((x) => x.id === m.id))
              .map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    className="w-full px-3 py-1 text-left text-sm hover:bg-slate-50"
                    onClick={() => {
                      patch({ majors: [...f.majors, m] });
                      setQ("");
                    }}
                  >
                    【{m.code}】{m.name}（{MAJOR_LEVEL_LABELS[m.level]}）
                  </button>
                </li>
              ))}
          </ul>
        )}
        <ul className="mt-2 flex flex-wrap gap-2">
          {f.majors.map((m) => (
            <li key={m.id} className="rounded bg-slate-100 px-2 py-0.5 text-xs">
              【{m.code}】{m.name}
              <button
                type="button"
                className="ml-1 text-red-600"
                aria-label={`移除${m.name}`}
                onClick={() => patch({ majors: f.majors.filter((x) => x.id !== m.id) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      </Field>
    </FormDialog>
  );
}
