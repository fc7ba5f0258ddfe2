"use client";
// The handwritten signature of 签发 (instead of the real platform's WeChat QR): drawn with a finger, pen or mouse on a
// transparent canvas; the PNG confirms the act only and never goes on a certificate.
import { useEffect, useRef, useState } from "react";

export function SignaturePad({ onChange }: { onChange: (png: string | null) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);
  useEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    ctx.lineWidth = 4;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111827";
  }, []);
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = ref.current!;
    const r = c.getBoundingClientRect();
    return [((e.clientX - r.left) * c.width) / r.width, ((e.clientY - r.top) * c.height) / r.height] as const;
  };
  const clear = () => {
    const c = ref.current!;
    c.getContext("2d")!.clearRect(0, 0, c.width, c.height);
    setEmpty(true);
    onChange(null);
  };
  return (
    <div className="space-y-1">
      <canvas
        ref={ref}
        width={600}
        height={200}
        role="img"
        aria-label="手写签名区域：请在此处签名"
        data-signature-pad
        className="w-full touch-none rounded border-2 border-dashed border-slate-300 bg-white"
        onPointerDown={(e) => {
          drawing.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          const ctx = e.currentTarget.getContext("2d")!;
          const [x, y] = point(e);
          ctx.beginPath();
          ctx.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext("2d")!;
          const [x, y] = point(e);
          ctx.lineTo(x, y);
          ctx.stroke();
          if (empty) setEmpty(false);
        }}
        onPointerUp={(e) => {
          drawing.current = false;
          if (!empty) onChange(e.currentTarget.toDataURL("image/png"));
        }}
      />
      <div className="flex items-center justify-between text-xs text-slate-500">
        <span>{empty ? "请在框内手写签名（仅用于确认本次签发，不会出现在证书上）" : "已签名"}</span>
        <button type="button" className="btn-link" onClick={clear}>
          清除重签
        </button>
      </div>
    </div>
  );
}
