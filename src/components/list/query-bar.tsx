"use client";

/** The query form above every list: fields, then 查询 and 重置. */
export function QueryBar({ children, onSearch, onReset }: { children: React.ReactNode; onSearch: () => void; onReset: () => void }) {
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch();
      }}
    >
      {children}
      <div className="flex gap-2">
        <button type="submit" className="btn-primary">
          查询
        </button>
        <button type="button" className="btn-default" onClick={onReset}>
          重置
        </button>
      </div>
    </form>
  );
}

export function QueryField({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex min-w-44 flex-col text-sm text-slate-600">
      <span className="mb-1">{label}</span>
      {children}
    </label>
  );
}
