"use client";
// 成绩查询 / 证书查询 (public): one form each, a proof-of-work check solved in the background (nothing to see or type,
// so it works with a screen reader), the answer below the form. A fresh check for every query.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { errorMessage, useTRPC } from "@/trpc/react";
import { useWorkChallenge } from "../captcha";

export type LookupTab = "scores" | "certificates";

function Field({
  id,
  label,
  value,
  onChange,
  hint,
  ...rest
}: { id: string; label: string; value: string; onChange: (v: string) => void; hint?: string } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  "onChange" | "value" | "id"
>) {
  return (
    <div>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} {...rest} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

function Submit({ ready, pending, label }: { ready: boolean; pending: boolean; label: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" className="btn-primary" disabled={!ready || pending}>
        {pending ? "查询中…" : label}
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-500">
        {ready ? "安全校验已完成" : "正在进行安全校验…"}
      </span>
    </div>
  );
}

/** Sends one query with this browser's solved check, then fetches a fresh check for the next. */
async function withChallenge(challenge: ReturnType<typeof useWorkChallenge>, send: (reply: { challengeId: string; work: number }) => Promise<unknown>) {
  try {
    await send(challenge.reply());
  } catch {
    // the mutation keeps its error; <Refusal> shows it
  } finally {
    challenge.refresh();
  }
}

/** The refusal (a limit, a failed check, bad input) or the empty answer, said the same way for both lookups. */
function Refusal({ error, none }: { error: unknown; none: string | null }) {
  if (error)
    return (
      <p className="alert-error" role="alert">
        {errorMessage(error)}
      </p>
    );
  return none ? (
    <p className="alert-info" role="status" data-lookup="none">
      {none}
    </p>
  ) : null;
}

function ScoreLookup() {
  const trpc = useTRPC();
  const challenge = useWorkChallenge();
  const q = useMutation(trpc.lookup.scores.mutationOptions());
  const [form, setForm] = useState({ name: "", idNumber: "", planCode: "" });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void withChallenge(challenge, (reply) =>
      q.mutateAsync({ name: form.name, idNumber: form.idNumber, planCode: form.planCode.trim() || undefined, ...reply }),
    );
  };
  const r = q.data;
  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-3" aria-label="成绩查询">
        <Field id="score-name" label="姓名" value={form.name} onChange={(name) => setForm({ ...form, name })} autoComplete="name" required maxLength={30} />
        <Field
          id="score-id"
          label="证件号码"
          value={form.idNumber}
          onChange={(idNumber) => setForm({ ...form, idNumber })}
          autoComplete="off"
          required
          maxLength={30}
        />
        <Field
          id="score-plan"
          label="考试计划编号（选填）"
          value={form.planCode}
          onChange={(planCode) => setForm({ ...form, planCode })}
          autoComplete="off"
          inputMode="numeric"
          maxLength={20}
          hint="不填则查询全部已公示的成绩"
        />
        <div className="sm:col-span-3">
          <Submit ready={challenge.ready} pending={q.isPending} label="查询成绩" />
        </div>
      </form>
      <Refusal error={q.error} none={r && !r.found ? "未查询到成绩。请核对姓名和证件号码；成绩自考试计划的成绩公示开始后方可查询。" : null} />
      {r?.found && (
        <section className="space-y-4" aria-label="查询结果" data-lookup="scores">
          <p className="text-sm text-slate-600">
            {r.name}（{r.idNumber}）共 {r.results.length} 个考试计划的成绩：
          </p>
          {r.results.map((x) => (
            <article key={`${x.planCode}-${x.certificate}`} className="card space-y-3 p-4" data-plan={x.planCode}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h3 className="font-semibold">{x.certificate}</h3>
                  <p className="text-xs text-slate-500">
                    {x.plan}（{x.planCode}）· {x.org}
                  </p>
                </div>
                <span
                  className={
                    x.outcome === "通过" ? "rounded bg-green-50 px-2 py-0.5 text-sm text-green-800" : "rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-700"
                  }
                >
                  {x.outcome}
                  {x.total != null && `（总分 ${x.total}）`}
                </span>
              </div>
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${x.certificate} 各科成绩`}>
                <table className="w-full text-sm">
                  <caption className="sr-only">{x.certificate} 各科成绩</caption>
                  <thead>
                    <tr className="text-left text-slate-500">
                      <th scope="col" className="py-1 pr-3 font-normal">
                        科目
                      </th>
                      <th scope="col" className="py-1 pr-3 font-normal">
                        成绩
                      </th>
                      <th scope="col" className="py-1 font-normal">
                        满分 / 合格分
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {x.subjects.map((s) => (
                      <tr key={s.code} className="border-t border-slate-100">
                        <td className="py-1 pr-3">{s.name}</td>
                        <td className="py-1 pr-3 font-medium">{s.score ?? s.mark}</td>
                        <td className="py-1 text-slate-500">
                          {s.fullScore} / {s.passScore}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {x.inPublicity && <p className="text-xs text-amber-700">成绩公示中，公示期内成绩如有更正以更正后为准。</p>}
            </article>
          ))}
        </section>
      )}
    </div>
  );
}

function CertificateLookup() {
  const trpc = useTRPC();
  const challenge = useWorkChallenge();
  const q = useMutation(trpc.lookup.certificates.mutationOptions());
  const [by, setBy] = useState<"number" | "person">("number");
  const [form, setForm] = useState({ certificateNumber: "", name: "", idNumber: "" });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void withChallenge(challenge, (reply) =>
      q.mutateAsync(
        by === "number"
          ? { by, certificateNumber: form.certificateNumber.trim(), name: form.name, ...reply }
          : { by, name: form.name, idNumber: form.idNumber, ...reply },
      ),
    );
  };
  const r = q.data;
  return (
    <div className="space-y-6">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">查询方式</legend>
        {(
          [
            ["number", "按证书编号 + 姓名"],
            ["person", "按姓名 + 证件号码"],
          ] as const
        ).map(([v, label]) => (
          <label key={v} className="flex items-center gap-2">
            <input type="radio" name="by" value={v} checked={by === v} onChange={() => setBy(v)} />
            {label}
          </label>
        ))}
      </fieldset>
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-label="证书查询">
        {by === "number" && (
          <Field
            id="cert-number"
            label="证书编号"
            value={form.certificateNumber}
            onChange={(certificateNumber) => setForm({ ...form, certificateNumber })}
            autoComplete="off"
            inputMode="numeric"
            required
            maxLength={23}
            hint="证书上的 23 位编号"
          />
        )}
        <Field
          id="cert-name"
          label="持证人姓名"
          value={form.name}
          onChange={(name) => setForm({ ...form, name })}
          autoComplete="name"
          required
          maxLength={30}
        />
        {by === "person" && (
          <Field
            id="cert-id"
            label="证件号码"
            value={form.idNumber}
            onChange={(idNumber) => setForm({ ...form, idNumber })}
            autoComplete="off"
            required
            maxLength={30}
          />
        )}
        <div className="sm:col-span-2">
          <Submit ready={challenge.ready} pending={q.isPending} label="查询证书" />
        </div>
      </form>
      <Refusal error={q.error} none={r && !r.found ? "未查询到证书。请核对证书编号、姓名或证件号码。" : null} />
      {r?.found && (
        <section className="space-y-3" aria-label="查询结果" data-lookup="certificates">
          {r.certificates.map((c) => (
            <article key={c.certificateNumber} className="card space-y-2 p-4" data-certificate={c.certificateNumber}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 className="font-semibold">
                  {c.certificate}（{c.level}）
                </h3>
                <span
                  className={
                    c.state === "有效" ? "rounded bg-green-50 px-2 py-0.5 text-sm text-green-800" : "rounded bg-red-50 px-2 py-0.5 text-sm text-red-700"
                  }
                >
                  {c.state}
                </span>
              </div>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                {(
                  [
                    ["证书编号", c.certificateNumber],
                    ["持证人", c.name],
                    ["证件号码", c.idNumber],
                    ["颁证机构", c.org],
                    ["发证日期", c.issuedOn],
                    ["发证方式", c.mode],
                  ] as const
                ).map(([k, v]) => (
                  <div key={k} className="flex gap-2">
                    <dt className="w-20 shrink-0 text-slate-500">{k}</dt>
                    <dd className="min-w-0 break-all">{v}</dd>
                  </div>
                ))}
              </dl>
              <Link href={c.verifyPath} className="btn-default inline-block">
                查看核验详情与上链证明
              </Link>
            </article>
          ))}
        </section>
      )}
    </div>
  );
}

export function Lookup({ tab }: { tab: LookupTab }) {
  return (
    <div className="card mx-auto max-w-3xl space-y-6 p-4 sm:p-6">
      <h1 className="text-xl font-semibold">{tab === "scores" ? "成绩查询" : "证书查询"}</h1>
      <nav aria-label="查询类型" className="flex gap-2 border-b border-slate-200">
        {(
          [
            ["scores", "成绩查询"],
            ["certificates", "证书查询"],
          ] as const
        ).map(([v, label]) => (
          <Link
            key={v}
            href={`/lookup?tab=${v}`}
            aria-current={tab === v ? "page" : undefined}
            className={tab === v ? "-mb-px border-b-2 border-brand-600 px-3 py-2 font-medium text-brand-700" : "px-3 py-2 text-slate-600 hover:text-brand-700"}
          >
            {label}
          </Link>
        ))}
      </nav>
      {tab === "scores" ? <ScoreLookup /> : <CertificateLookup />}
      <p className="text-xs text-slate-500">为保护个人信息，查询需提供姓名与证件号码（或证书编号与姓名）；同一证件号码、同一网络的查询次数受限。</p>
    </div>
  );
}
