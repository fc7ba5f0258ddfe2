"use client";
// 考场管理 (002 §5.2.5): 设置考场 (plan → site → certificate → subjects, type from the subjects' mode), 沿用,
// 批量导入 with 导入记录, export, detail; edits follow the plan's 排考 window.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog, LoadingDialog } from "../dialog";
import { Field } from "../field";
import { ListPage } from "../list/list-page";
import { usePatchState } from "../use-patch";
import { useActionMessage } from "../use-action-message";
import { RegionPicker } from "../school/region-picker";
import { DetailDialog, InfoGrid } from "../catalogue/detail";
import { ImportButtons, ImportDialog, ImportRecordsDialog } from "../imports/import-dialog";
import { EXAM_MODE_LABELS, LEVEL_LABELS } from "@/domain/catalogue/labels";
import { ROOM_STATUS_LABELS, ROOM_TYPE_LABELS, canDeleteRoom, roomCreateProblem, roomTypeOf, type RoomStatus } from "@/domain/rooms/rules";

const STATUS_TONE: Record<RoomStatus, string> = { NOT_SCHEDULED: "text-slate-600", SCHEDULING: "text-amber-600", ENDED: "text-slate-400" };
const when = (d: Date) => new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false, dateStyle: "short", timeStyle: "short" });

export function RoomsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<null | "copy" | "import" | "records" | { edit?: string } | { view: string }>(null);
  const remove = useMutation(trpc.rooms.delete.mutationOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lists.rooms.pathKey() });
  const { act, say, banner } = useActionMessage(refresh);
  const close = () => setDialog(null);
  return (
    <>
      {banner}
      <ListPage
        title="考场管理"
        description="考场须在考试计划的排考开始前设置：未排考可修改全部信息和删除；排考中只能增加考位数；排考结束后只读。"
        exportList="rooms"
        exportLabel="批量导出考场信息"
        fields={[
          { key: "plan", label: "考试计划" },
          { key: "site", label: "考核站点" },
          { key: "certificate", label: "考核证书" },
        ]}
        tabs={(Object.keys(ROOM_STATUS_LABELS) as RoomStatus[]).map((s) => ({ value: s, label: ROOM_STATUS_LABELS[s] }))}
        list={trpc.lists.rooms}
        rowData={(r) => ({ "data-room": r.name })}
        toolbar={
          <>
            <ImportButtons label="批量导入考场信息" onImport={() => setDialog("import")} onRecords={() => setDialog("records")} />
            <button className="btn-default" onClick={() => setDialog("copy")}>
              沿用考场
            </button>
            <button className="btn-primary" onClick={() => setDialog({})}>
              设置考场
            </button>
          </>
        }
        columns={[
          { header: "考试计划", cell: (r) => r.plan.name, className: "min-w-40" },
          { header: "考核站点", cell: (r) => r.site.name, className: "min-w-48" },
          { header: "所属院校", cell: (r) => r.school.name },
          { header: "考场名称", cell: (r) => r.name },
          { header: "考场类型", cell: (r) => ROOM_TYPE_LABELS[r.type], className: "whitespace-nowrap" },
          { header: "考场座位数", cell: (r) => r.seats },
          { header: "考核证书", cell: (r) => r.certificate, className: "min-w-40" },
          { header: "状态", cell: (r) => <span className={STATUS_TONE[r.status]}>{ROOM_STATUS_LABELS[r.status]}</span>, className: "whitespace-nowrap" },
        ]}
        actions={(r) => (
          <span className="flex gap-2">
            <button className="btn-link" onClick={() => setDialog({ view: r.id })}>
              查看
            </button>
            {r.mine && r.status !== "ENDED" && (
              <button className="btn-link text-amber-600" onClick={() => setDialog({ edit: r.id })}>
                编辑
              </button>
            )}
            {r.mine && canDeleteRoom(r.status) && (
              <button
                className="btn-link text-red-600"
                onClick={() => window.confirm(`确定删除考场「${r.name}」吗？`) && act(() => remove.mutateAsync({ ids: [r.id] }), `已删除考场「${r.name}」`)}
              >
                删除
              </button>
            )}
          </span>
        )}
      />
      {dialog === "import" && <ImportDialog kind="rooms" recordKind="EXAM_ROOMS" title="批量导入考场信息" onClose={close} onFinished={refresh} />}
      {dialog === "records" && <ImportRecordsDialog kinds={["EXAM_ROOMS"]} onClose={close} />}
      {dialog === "copy" && (
        <CopyDialog
          onClose={close}
          onDone={async (text) => {
            close();
            say({ ok: true, text });
            await refresh();
          }}
        />
      )}
      {dialog && typeof dialog === "object" && "view" in dialog && <RoomDetail id={dialog.view} onClose={close} />}
      {dialog && typeof dialog === "object" && !("view" in dialog) && (
        <RoomDialog
          id={dialog.edit}
          onClose={close}
          onSaved={async () => {
            close();
            say({ ok: true, text: "考场信息已保存" });
            await refresh();
          }}
        />
      )}
    </>
  );
}

function RoomDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.rooms.detail.queryOptions({ id }));
  return (
    <DetailDialog title="查看考场信息" onClose={onClose} query={q}>
      {(r) => (
        <div className="space-y-3">
          <InfoGrid
            items={[
              ["考试计划", r.plan.name],
              ["计划编号", r.plan.code],
              ["排考时间", `${when(r.plan.schedulingStartsAt)} 至 ${when(r.plan.schedulingEndsAt)}`],
              ["考核站点", r.site.name],
              ["考核站点编号", r.site.code],
              ["所属院校", r.school.name],
              ["考场名称", r.name],
              ["考场类型", ROOM_TYPE_LABELS[r.type]],
              ["考场座位数", r.seats],
              ["考核证书", `${r.certificateLevel.certificate.name}（${LEVEL_LABELS[r.certificateLevel.level]}）`],
              ["考场地址", `${r.regionPath}${r.address ?? ""}`],
              ["状态", ROOM_STATUS_LABELS[r.status]],
            ]}
          />
          <table className="table">
            <caption className="mb-1 text-left font-medium">考试科目</caption>
            <thead>
              <tr>
                <th>科目编号</th>
                <th>科目名称</th>
                <th>考试方式</th>
                <th>考试时长</th>
              </tr>
            </thead>
            <tbody>
              {r.subjects.map((s) => (
                <tr key={s.id}>
                  <td>{s.code}</td>
                  <td>{s.name}</td>
                  <td>{EXAM_MODE_LABELS[s.examMode]}</td>
                  <td>{s.durationMinutes} 分钟</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DetailDialog>
  );
}

function RoomDialog({ id, onClose, onSaved }: { id?: string; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.rooms.detail.queryOptions({ id: id ?? "" }), enabled: !!id });
  if (id && !existing.data) return <LoadingDialog title="编辑考场" error={existing.error} onClose={onClose} />;
  return <RoomForm room={id ? existing.data : undefined} onClose={onClose} onSaved={onSaved} />;
}

type Existing = {
  id: string;
  plan: { id: string };
  site: { id: string };
  certificateLevel: { id: string };
  subjects: { id: string }[];
  name: string;
  seats: number;
  regionCode: string | null;
  address: string | null;
  status: RoomStatus;
};

function RoomForm({ room, onClose, onSaved }: { room?: Existing; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const plans = useQuery(trpc.rooms.plans.queryOptions());
  const save = useMutation(trpc.rooms.save.mutationOptions());
  const [f, patch] = usePatchState({
    planId: room?.plan.id ?? "",
    siteId: room?.site.id ?? "",
    levelId: room?.certificateLevel.id ?? "",
    subjectIds: room?.subjects.map((s) => s.id) ?? ([] as string[]),
    name: room?.name ?? "",
    seats: room ? String(room.seats) : "",
    regionCode: room?.regionCode ?? "",
    address: room?.address ?? "",
  });
  const places = useQuery({ ...trpc.rooms.places.queryOptions({ planId: f.planId }), enabled: !!f.planId });
  const now = new Date();
  const open = plans.data?.filter((p) => room || !roomCreateProblem(p, now)) ?? [];
  const place = places.data?.find((p) => p.siteId === f.siteId);
  const level = place?.levels.find((l) => l.id === f.levelId);
  const type = level ? roomTypeOf(level.subjects.filter((s) => f.subjectIds.includes(s.id)).map((s) => s.examMode)) : null;
  const seatsOnly = room?.status === "SCHEDULING";
  const locked = !!room;
  return (
    <FormDialog
      wide
      title={room ? "编辑考场" : "设置考场"}
      onClose={onClose}
      onSubmit={async () => {
        await save.mutateAsync({
          id: room?.id,
          planId: f.planId,
          siteId: f.siteId,
          certificateLevelId: f.levelId,
          subjectIds: f.subjectIds,
          name: f.name,
          seats: Number(f.seats || 0),
          regionCode: f.regionCode || null,
          address: f.address || null,
        });
        onSaved();
      }}
    >
      {seatsOnly && <p className="alert-info">考试计划正在排考，只能增加考位数（不能少于原有的 {room.seats} 个）。</p>}
      {!room && plans.data && open.length === 0 && <p className="alert-info">没有可设置考场的考试计划：考场须在考试计划的排考开始前设置。</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="考试计划" htmlFor="room-plan" required>
          <select
            id="room-plan"
            className="input"
            disabled={locked}
            value={f.planId}
            onChange={(e) => patch({ planId: e.target.value, siteId: "", levelId: "", subjectIds: [] })}
          >
            <option value="">请选择</option>
            {open.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（排考 {when(p.schedulingStartsAt)} 起）
              </option>
            ))}
          </select>
        </Field>
        <Field label="考核站点" htmlFor="room-site" required hint="本校审核通过的考核站点，或分配给本校借考的考核站点">
          <select
            id="room-site"
            className="input"
            disabled={locked}
            value={f.siteId}
            onChange={(e) => {
              const p = places.data?.find((x) => x.siteId === e.target.value);
              patch({
                siteId: e.target.value,
                levelId: "",
                subjectIds: [],
                regionCode: f.regionCode || p?.regionCode || "",
                address: f.address || p?.address || "",
              });
            }}
          >
            <option value="">请选择</option>
            {places.data?.map((p) => (
              <option key={p.siteId} value={p.siteId}>
                {p.siteName}
                {p.allocated ? "（借考）" : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field label="考试证书" htmlFor="room-level" required>
          <select id="room-level" className="input" disabled={locked} value={f.levelId} onChange={(e) => patch({ levelId: e.target.value, subjectIds: [] })}>
            <option value="">请选择</option>
            {place?.levels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.certificate.name}（{LEVEL_LABELS[l.level]}）
              </option>
            ))}
          </select>
        </Field>
        <Field label="考场类型" htmlFor="room-type" hint="无需填写：按所选科目的考试方式生成">
          <input id="room-type" className="input bg-slate-50" readOnly value={type?.ok ? ROOM_TYPE_LABELS[type.type] : ""} />
        </Field>
      </div>
      <fieldset disabled={seatsOnly}>
        <legend className="label">
          <span aria-hidden="true" className="mr-0.5 text-red-500">
            *
          </span>
          考试科目
        </legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {level?.subjects.map((s) => (
            <label key={s.id} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={f.subjectIds.includes(s.id)}
                onChange={(e) => patch({ subjectIds: e.target.checked ? [...f.subjectIds, s.id] : f.subjectIds.filter((x) => x !== s.id) })}
              />
              {s.name}（{EXAM_MODE_LABELS[s.examMode]}）
            </label>
          ))}
          {!level && <span className="text-slate-400">请先选择考试证书</span>}
        </div>
        {type && !type.ok && f.subjectIds.length > 0 && (
          <p className="mt-1 text-xs text-red-600" role="alert">
            {type.error}
          </p>
        )}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="考场名称" htmlFor="room-name" required hint="机房、教室或实训室的名称，如：107 室、13 号机房">
          <input id="room-name" className="input" disabled={seatsOnly} value={f.name} onChange={(e) => patch({ name: e.target.value })} />
        </Field>
        <Field label="考场座位数" htmlFor="room-seats" required hint="请充分考虑本次考试的人数，尽量准备充足">
          <input id="room-seats" className="input" inputMode="numeric" value={f.seats} onChange={(e) => patch({ seats: e.target.value.replace(/\D/g, "") })} />
        </Field>
      </div>
      {!seatsOnly && (
        <>
          <Field label="考场地址">
            <RegionPicker value={f.regionCode} onChange={(regionCode) => patch({ regionCode })} />
          </Field>
          <Field label="详细地址" htmlFor="room-address" hint="尽量精确到门牌号，考生在准考证上查看考场地址">
            <input id="room-address" className="input" value={f.address} onChange={(e) => patch({ address: e.target.value })} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}

function CopyDialog({ onClose, onDone }: { onClose: () => void; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const plans = useQuery(trpc.rooms.plans.queryOptions());
  const copy = useMutation(trpc.rooms.copy.mutationOptions());
  const [f, patch] = usePatchState({ fromPlanId: "", toPlanId: "" });
  const now = new Date();
  return (
    <FormDialog
      title="沿用考场"
      submitLabel="沿用"
      onClose={onClose}
      onSubmit={async () => {
        const r = await copy.mutateAsync(f);
        onDone(`已沿用 ${r.copied} 个考场${r.skipped ? `，${r.skipped} 个已存在或不适用于新计划而跳过` : ""}`);
      }}
    >
      <p className="text-slate-500">把以往考试计划中本校设置的考场复制到新的考试计划（考核站点、证书须在新计划中可用；同名考场跳过）。</p>
      <Field label="沿用哪个考试计划的考场" htmlFor="copy-from" required>
        <select id="copy-from" className="input" value={f.fromPlanId} onChange={(e) => patch({ fromPlanId: e.target.value })}>
          <option value="">请选择</option>
          {plans.data
            ?.filter((p) => p._count.rooms > 0)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p._count.rooms} 个考场）
              </option>
            ))}
        </select>
      </Field>
      <Field label="沿用到" htmlFor="copy-to" required>
        <select id="copy-to" className="input" value={f.toPlanId} onChange={(e) => patch({ toPlanId: e.target.value })}>
          <option value="">请选择</option>
          {plans.data
            ?.filter((p) => !roomCreateProblem(p, now) && p.id !== f.fromPlanId)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </Field>
    </FormDialog>
  );
}
