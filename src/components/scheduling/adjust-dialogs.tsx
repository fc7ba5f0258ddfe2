"use client";
// 调整考场 and 更换监考 (org, inside 排考): the rooms of the candidate's site with their free seats, and the certified
// people with why each cannot take the duty; the server checks the same rules again.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { FormDialog, LoadingDialog } from "../dialog";
import { Field } from "../field";

function useRefresh() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: trpc.lists.pathKey() });
    await qc.invalidateQueries({ queryKey: trpc.scheduling.pathKey() });
  };
}

export function MoveDialog({ sittingId, name, onClose }: { sittingId: string; name: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.scheduling.moveTargets.queryOptions({ id: sittingId }));
  const move = useMutation(trpc.scheduling.move.mutationOptions());
  const refresh = useRefresh();
  const [roomId, setRoomId] = useState("");
  const [seat, setSeat] = useState("");
  if (!q.data) return <LoadingDialog title={`调整考场：${name}`} error={q.error} onClose={onClose} />;
  const rooms = q.data.rooms;
  const room = rooms.find((r) => r.id === roomId) ?? rooms.find((r) => !r.problem && !r.current) ?? rooms[0];
  return (
    <FormDialog
      title={`调整考场：${name}`}
      submitLabel="确定调整"
      disabled={!room}
      onClose={onClose}
      onSubmit={async () => {
        await move.mutateAsync({ sittingId, roomId: room!.id, seat: seat ? Number(seat) : undefined });
        await refresh();
        onClose();
      }}
    >
      {rooms.length === 0 ? (
        <p className="text-amber-700">该考生所在考核站点没有承担此科目的考场。</p>
      ) : (
        <>
          <Field label="考场" htmlFor="mv-room" required>
            <select id="mv-room" className="input" value={room?.id ?? ""} onChange={(e) => setRoomId(e.target.value)}>
              {rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}（{r.seats} 座，空余 {r.free}）{r.current ? "，当前考场" : ""}
                  {r.problem ? `，${r.problem}` : ""}
                </option>
              ))}
            </select>
          </Field>
          <Field label="座位号" htmlFor="mv-seat" hint={room?.firstFree ? `不填则安排第一个空座位（${room.firstFree} 号）` : undefined}>
            <input id="mv-seat" className="input" inputMode="numeric" value={seat} onChange={(e) => setSeat(e.target.value.replace(/\D/g, ""))} />
          </Field>
          <p className="text-xs text-slate-500">只能调整到同一考核站点的考场；已有准考证号的考生保留原准考证号，未排入的考生将生成新的准考证号。</p>
        </>
      )}
    </FormDialog>
  );
}

export function DutyDialog({ dutyId, name, onClose }: { dutyId: string; name: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.scheduling.dutyCandidates.queryOptions({ id: dutyId }));
  const change = useMutation(trpc.scheduling.changeDuty.mutationOptions());
  const refresh = useRefresh();
  const [pick, setPick] = useState("");
  if (!q.data) return <LoadingDialog title={`更换监考人员：${name}`} error={q.error} onClose={onClose} />;
  const people = q.data;
  const chosen = people.find((p) => p.id === pick) ?? people.find((p) => !p.problem);
  return (
    <FormDialog
      title={`更换监考人员：${name}`}
      submitLabel={chosen?.swap ? "确定对调" : "确定更换"}
      disabled={!chosen || !!chosen.problem}
      onClose={onClose}
      onSubmit={async () => {
        await change.mutateAsync({ dutyId, invigilatorId: chosen!.id });
        await refresh();
        onClose();
      }}
    >
      {people.length === 0 ? (
        <p className="text-amber-700">没有其他通过该证书认证的监考人员。</p>
      ) : (
        <Field label="监考人员" htmlFor="duty-person" required>
          <select id="duty-person" className="input" value={chosen?.id ?? ""} onChange={(e) => setPick(e.target.value)}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}（{p.school}）{p.swap ? "，本科目已有安排，将对调" : ""}
                {p.problem ? `，${p.problem}` : ""}
              </option>
            ))}
          </select>
        </Field>
      )}
      <p className="text-xs text-slate-500">只能选择通过本证书考评人员认证、同一时间没有其他安排、且不属于考场所在院校的人员。</p>
    </FormDialog>
  );
}
