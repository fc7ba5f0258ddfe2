"use client";

export type Tab<V extends string> = { value: V | ""; label: string; count?: number };

/** 全部 N · 已启用 N · 已停用 N */
export function StatusTabs<V extends string>({ tabs, value, onChange }: { tabs: Tab<V>[]; value: V | ""; onChange: (v: V | "") => void }) {
  return (
    <div role="tablist" className="flex min-w-0 max-w-full gap-1 overflow-x-auto border-b border-slate-200 text-sm">
      {tabs.map((t) => (
        <button
          key={t.value || "all"}
          role="tab"
          aria-selected={value === t.value}
          onClick={() => onChange(t.value)}
          className={`whitespace-nowrap border-b-2 px-4 py-2 ${value === t.value ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"}`}
        >
          {t.label} {t.count !== undefined && <span className="ml-0.5 text-xs">{t.count}</span>}
        </button>
      ))}
    </div>
  );
}
