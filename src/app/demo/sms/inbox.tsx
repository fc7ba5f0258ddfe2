"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";

export function SmsInbox() {
  const trpc = useTRPC();
  const [phone, setPhone] = useState("");
  const q = useQuery({ ...trpc.demo.smsInbox.queryOptions({ phone: /^1\d{10}$/.test(phone) ? phone : undefined }), refetchInterval: 3000 });
  return (
    <div className="card w-full max-w-3xl p-6">
      <h1 className="text-xl font-semibold">演示短信收件箱</h1>
      <p className="mb-4 mt-1 text-sm text-slate-500">演示环境的短信网关不真正发送短信，而是写入这里（生产模式下此页面不存在）。每 3 秒刷新。</p>
      <input className="input mb-4 max-w-xs" placeholder="按手机号筛选" value={phone} onChange={(e) => setPhone(e.target.value.trim())} aria-label="手机号" />
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>时间</th>
              <th>手机号</th>
              <th>内容</th>
            </tr>
          </thead>
          <tbody>
            {(q.data ?? []).map((m) => (
              <tr key={m.id} data-phone={m.phone}>
                <td className="whitespace-nowrap text-slate-500">{m.createdAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}</td>
                <td className="whitespace-nowrap">{m.phone}</td>
                <td className="sms-content">{m.content}</td>
              </tr>
            ))}
            {q.data?.length === 0 && (
              <tr>
                <td colSpan={3} className="py-6 text-center text-slate-400">
                  暂无短信
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
