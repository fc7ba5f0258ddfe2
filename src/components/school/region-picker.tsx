"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** 选择省 / 选择市 / 选择区县: value is the most specific code chosen. */
export function RegionPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const trpc = useTRPC();
  const province = value ? `${value.slice(0, 2)}0000` : "";
  const city = value && value.slice(2, 4) !== "00" ? `${value.slice(0, 4)}00` : "";
  const provinces = useQuery(trpc.school.regions.queryOptions({ parentCode: null }));
  const cities = useQuery({ ...trpc.school.regions.queryOptions({ parentCode: province }), enabled: !!province });
  const districts = useQuery({ ...trpc.school.regions.queryOptions({ parentCode: city }), enabled: !!city });
  const sel = (label: string, v: string, opts: { code: string; name: string }[] | undefined, set: (c: string) => void) => (
    <select aria-label={label} className="input" value={v} onChange={(e) => set(e.target.value)}>
      <option value="">{label}</option>
      {opts?.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </select>
  );
  return (
    <div className="grid grid-cols-3 gap-2">
      {sel("选择省", province, provinces.data, (c) => onChange(c))}
      {sel("选择市", city, cities.data, (c) => onChange(c || province))}
      {sel("选择区县", value.slice(4) !== "00" ? value : "", districts.data, (c) => onChange(c || city))}
    </div>
  );
}
