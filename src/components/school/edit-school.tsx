"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { Dialog } from "../dialog";
import { Field } from "../field";
import { UploadButton } from "../upload";
import { RegionPicker } from "./region-picker";
import { SCHOOL_TYPE_LABELS } from "@/domain/catalogue/labels";

type Form = {
  uscc: string;
  regionCode: string;
  address: string;
  website: string;
  intro: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  logoFileId: string | null;
};

export function EditSchoolDialog({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const mine = useQuery(trpc.school.mine.queryOptions());
  const update = useMutation(trpc.school.update.mutationOptions());
  const [f, setF] = useState<Form | null>(null);
  const patch = (p: Partial<Form>) => setF((s) => (s ? { ...s, ...p } : s));
  const [error, setError] = useState("");
  // The form starts from the loaded school once (state derived during render, not in an effect).
  const m = mine.data;
  if (m && !f)
    setF({
      uscc: m.uscc ?? "",
      regionCode: m.regionCode,
      address: m.address ?? "",
      website: m.website ?? "",
      intro: m.intro ?? "",
      contactName: m.contactName ?? "",
      contactPhone: m.contactPhone ?? "",
      contactEmail: m.contactEmail ?? "",
      logoFileId: m.logoFileId,
    });
  return (
    <Dialog
      wide
      open
      title="编辑院校信息"
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            关闭
          </button>
          <button
            className="btn-primary"
            disabled={!f || update.isPending}
            onClick={async () => {
              setError("");
              try {
                await update.mutateAsync({ ...f!, website: f!.website || null, intro: f!.intro || null });
                await qc.invalidateQueries();
                onClose();
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
      {!f ? (
        <p className="text-slate-400">加载中…</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="院校名称">
            <div>{mine.data?.name}</div>
          </Field>
          <Field label="院校代码">
            <div className="font-mono">{mine.data?.code}</div>
          </Field>
          <Field label="统一社会信用代码" htmlFor="uscc" required>
            <input id="uscc" className="input" maxLength={18} value={f.uscc} onChange={(e) => patch({ uscc: e.target.value })} />
          </Field>
          <Field label="院校类型" hint="按注册时的院校类型，不能修改">
            <div>{mine.data ? SCHOOL_TYPE_LABELS[mine.data.type] : ""}</div>
          </Field>
          <div className="sm:col-span-2">
            <Field label="单位所在地" required>
              <RegionPicker value={f.regionCode} onChange={(regionCode) => patch({ regionCode })} />
            </Field>
          </div>
          <div className="sm:col-span-2">
            <Field label="详细地址" htmlFor="address" required>
              <input id="address" className="input" value={f.address} onChange={(e) => patch({ address: e.target.value })} />
            </Field>
          </div>
          <Field label="院校网址" htmlFor="website">
            <input id="website" className="input" placeholder="https://" value={f.website} onChange={(e) => patch({ website: e.target.value })} />
          </Field>
          <Field label="院校 Logo" required hint="jpg/png，将裁剪为 100×100">
            <div className="flex items-center gap-3">
              {f.logoFileId && <img src={`/api/files/${f.logoFileId}`} alt="院校 Logo" className="h-12 w-12 rounded border" />}
              <UploadButton
                purpose="school-logo"
                accept=".jpg,.jpeg,.png"
                label="上传 Logo"
                onUploaded={(u) => patch({ logoFileId: u.id })}
                onError={setError}
              />
            </div>
          </Field>
          <div className="sm:col-span-2">
            <Field label="院校简介" htmlFor="intro">
              <textarea id="intro" className="input" rows={3} value={f.intro} onChange={(e) => patch({ intro: e.target.value })} />
            </Field>
          </div>
          <Field label="联系人姓名" htmlFor="cname" required>
            <input id="cname" className="input" value={f.contactName} onChange={(e) => patch({ contactName: e.target.value })} />
          </Field>
          <Field label="联系人手机号" htmlFor="cphone" required>
            <input id="cphone" className="input" maxLength={11} value={f.contactPhone} onChange={(e) => patch({ contactPhone: e.target.value })} />
          </Field>
          <Field label="联系人邮箱" htmlFor="cemail" required>
            <input id="cemail" className="input" value={f.contactEmail} onChange={(e) => patch({ contactEmail: e.target.value })} />
          </Field>
        </div>
      )}
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** 电子签章管理: upload, preview on a certificate mock-up, agree, save. Principal only. */
export function SignatureDialog({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const mine = useQuery(trpc.school.mine.queryOptions());
  const save = useMutation(trpc.school.setSignature.mutationOptions());
  const [fileId, setFileId] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState("");
  const current = fileId ?? mine.data?.signature?.fileId ?? null;
  return (
    <Dialog
      wide
      open
      title="电子签章管理"
      onClose={onClose}
      footer={
        <>
          <button className="btn-default" onClick={onClose}>
            关闭
          </button>
          <button
            className="btn-primary"
            disabled={save.isPending}
            onClick={async () => {
              setError("");
              try {
                if (!current) throw new Error("请先上传签章图片");
                await save.mutateAsync({ fileId: current, agreed });
                await qc.invalidateQueries({ queryKey: trpc.school.mine.queryKey() });
                onClose();
              } catch (e) {
                setError(e instanceof Error && !("data" in e) ? e.message : errorMessage(e));
              }
            }}
          >
            保存
          </button>
        </>
      }
    >
      <div className="grid gap-4 md:grid-cols-[1fr_1.3fr]">
        <div className="space-y-3">
          <p className="font-medium">考核站点负责人（电子签章）</p>
          <UploadButton purpose="signature" accept=".png" label={current ? "重新上传" : "上传签章"} onUploaded={(u) => setFileId(u.id)} onError={setError} />
          <div className="alert-info text-xs leading-5">
            规则说明：1、请上传 PNG 格式的无底色正方形签字章图片，尺寸建议 95×95 像素，大小不超过
            1M；2、上传后请通过预览效果查看签名章实际加盖在证书上的效果，若效果不好，请重新调整上传；3、此签章仅限于确认签发证书时使用，仅试点院校负责人账号可上传和管理，其他人均无权查看与使用；4、一个试点院校只允许有一个考核站点负责人，要求副校长及以上职位承担。
          </div>
        </div>
        <div aria-label="证书预览" className="relative aspect-[1.41] rounded border-8 border-double border-amber-600 bg-amber-50 p-4 text-center">
          <p className="text-lg font-bold tracking-widest text-amber-900">职业技能等级证书</p>
          <p className="text-[10px] text-amber-800">Certificate of Vocational Skill Level</p>
          <p className="mt-3 text-xs text-slate-700">（示例）张三 同学参加 JAVA 应用开发职业技能等级（初级）考核，成绩合格，特发此证。</p>
          <div className="absolute bottom-4 left-6 text-left text-[10px] text-slate-600">
            <p>考核站点负责人：</p>
            <div className="mt-1 flex h-16 w-16 items-center justify-center border border-dashed border-slate-300">
              {current ? <img src={`/api/files/${current}`} alt="签章预览" className="h-[60px] w-[60px]" /> : <span className="text-slate-400">签章</span>}
            </div>
          </div>
          <div className="absolute bottom-4 right-6 text-[10px] text-slate-600">培训评价组织（盖章）</div>
        </div>
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        我已认真阅读《电子签章使用授权委托书》各项规定，并同意签署
      </label>
      {mine.data?.signature?.agreedAt && (
        <p className="text-xs text-slate-500">已于 {mine.data.signature.agreedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })} 上传签章</p>
      )}
      {error && (
        <p className="alert-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
