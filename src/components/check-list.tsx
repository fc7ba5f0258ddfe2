"use client";
/** A scrolling list of checkboxes (借考院校, 参考院校…) with 全选 / 清空; `value` holds the ticked ids. */
export function CheckList({
  legend,
  items,
  value,
  onChange,
  empty,
  selectAll,
}: {
  legend: string;
  items: { id: string; name: string }[];
  value: string[];
  onChange: (ids: string[]) => void;
  empty: string;
  selectAll?: boolean;
}) {
  return (
    <fieldset>
      <legend className="label">{legend}</legend>
      {selectAll && (
        <div className="mb-1 flex gap-3 text-xs">
          <button type="button" className="btn-link" onClick={() => onChange(items.map((s) => s.id))}>
            全选
          </button>
          <button type="button" className="btn-link" onClick={() => onChange([])}>
            清空
          </button>
        </div>
      )}
      <div className="grid max-h-40 gap-1 overflow-y-auto rounded border border-slate-200 p-2 sm:grid-cols-2">
        {items.map((s) => (
          <label key={s.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={value.includes(s.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, s.id] : value.filter((x) => x !== s.id))}
            />
            {s.name}
          </label>
        ))}
        {items.length === 0 && <p className="text-slate-400">{empty}</p>}
      </div>
    </fieldset>
  );
}
