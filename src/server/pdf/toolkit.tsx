// The one PDF toolkit: @react-pdf/renderer with Noto Sans SC (the TTFs of @expo-google-fonts/noto-sans-sc; glyphs
// are subset into each file), Chinese line breaking, QR codes, and one render call. Documents are components over
// plain data (exam-documents.tsx); the worker renders them, never a web request.
import { createRequire } from "node:module";
import { Font, renderToBuffer, StyleSheet, type DocumentProps } from "@react-pdf/renderer";
import QRCode from "qrcode";
import type { ReactElement } from "react";

const require_ = createRequire(import.meta.url);
let registered = false;

export const FONT = "NotoSansSC";

export function registerFonts(): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: FONT,
    fonts: [
      { src: require_.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"), fontWeight: 400 },
      { src: require_.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Chinese has no spaces: a line may break between any two CJK characters; Latin words stay whole.
  Font.registerHyphenationCallback((word) => (/[\u3000-\u9fff\uff00-\uffef]/.test(word) ? [...word].flatMap((c) => [c, ""]) : [word]));
}

export async function renderPdf(doc: ReactElement<DocumentProps>): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(doc);
}

/** A QR code as a PNG data URL (react-pdf's Image takes it as it is). */
export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 1, width: 240 });
}

export const base = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 10, padding: 36, color: "#111" },
  title: { fontSize: 18, fontWeight: 700, textAlign: "center", marginBottom: 12 },
  row: { flexDirection: "row" },
  label: { color: "#555" },
  small: { fontSize: 8, color: "#555" },
});
