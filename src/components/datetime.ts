/** <input type="datetime-local"> works in the browser's zone; the platform's is Asia/Shanghai (UTC+8, no DST). */
export const toLocal = (d: Date) => new Date(d.getTime() + 8 * 3600000).toISOString().slice(0, 16);
export const fromLocal = (s: string) => new Date(`${s}:00+08:00`);
/** 2026/5/21 09:00 in Beijing time. */
export const beijing = (d: Date) => new Date(d).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false, dateStyle: "short", timeStyle: "short" });
