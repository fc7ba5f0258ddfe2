// 考生照片 (003, DOMAIN.md): jpg or png, at most 5 MB, 295×413 px (a few pixels of tolerance), red background.
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_W = 295;
export const PHOTO_H = 413;
const TOLERANCE = 6;

/** Whether an RGB sample is the ID-photo red (strong red, little green and blue). */
export const isRed = (r: number, g: number, b: number) => r >= 150 && g <= 90 && b <= 90 && r - Math.max(g, b) >= 90;

export function photoProblem(p: { format?: string; width?: number; height?: number; bytes: number; redBorderRatio: number }): string | null {
  if (p.format !== "jpeg" && p.format !== "png") return "照片须为 jpg 或 png 格式";
  if (p.bytes > PHOTO_MAX_BYTES) return "照片不能超过 5M";
  const w = p.width ?? 0,
    h = p.height ?? 0;
  if (Math.abs(w - PHOTO_W) > TOLERANCE || Math.abs(h - PHOTO_H) > TOLERANCE) return `照片尺寸应为 ${PHOTO_W}×${PHOTO_H} 像素（当前 ${w}×${h}）`;
  if (p.redBorderRatio < 0.7) return "照片须为红色背景";
  return null;
}

/** The share of red pixels along the top and side borders (the background; the bottom is the shoulders). */
export function redBorderRatio(raw: Uint8Array, width: number, height: number, channels: number, band = 6): number {
  let red = 0,
    all = 0;
  const at = (x: number, y: number) => {
    const i = (y * width + x) * channels;
    all++;
    if (isRed(raw[i], raw[i + 1], raw[i + 2])) red++;
  };
  for (let y = 0; y < band; y++) for (let x = 0; x < width; x += 2) at(x, y);
  for (let y = band; y < Math.floor(height * 0.6); y += 2)
    for (let x = 0; x < band; x++) {
      at(x, y);
      at(width - 1 - x, y);
    }
  return all ? red / all : 0;
}
