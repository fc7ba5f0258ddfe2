// 职业技能等级证书 / Certificate of Vocational Skill Level (004's sample): A4 landscape, the holder's photo, name,
// masked ID and the bilingual wording; the org's seal (electronic only: paper copies are stamped by hand) and the
// school principal's e-signature; issue date, 证书编号 and a QR code to the public verification page. A pure
// component over plain data: the issuing job loads, this lays out, the toolkit renders.
import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { FONT } from "./toolkit";

export type CertificateData = {
  certificateNumber: string;
  name: string;
  idNumberMasked: string;
  photo: Buffer;
  certificate: string; // 老年照护职业技能等级证书（初级）
  zh: string;
  en: string;
  org: string;
  school: string;
  issuedOn: string; // 2026年12月1日
  issuedOnEn: string; // 2026-12-01
  /** The org's seal; null on paper copies. */
  seal: Buffer | null;
  signature: Buffer;
  qr: string;
  paper: boolean;
};

const GOLD = "#9a6b16";
const s = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 11, padding: 22, color: "#1f2937", backgroundColor: "#fffdf7" },
  frame: { flex: 1, border: `3pt solid ${GOLD}`, padding: 5 },
  inner: { flex: 1, border: `0.8pt solid ${GOLD}`, paddingVertical: 22, paddingHorizontal: 44, justifyContent: "space-between" },
  title: { fontSize: 30, fontWeight: 700, textAlign: "center", color: "#7c2d12", letterSpacing: 6 },
  subtitle: { fontSize: 13, textAlign: "center", color: GOLD, marginTop: 4, letterSpacing: 1 },
  body: { flexDirection: "row", marginTop: 24 },
  photo: { width: 99, height: 139, objectFit: "cover", border: "0.5pt solid #9ca3af" },
  idBlock: { width: 150, marginRight: 28 },
  field: { marginTop: 7, fontSize: 9.5 },
  label: { color: "#6b7280", fontSize: 8.5 },
  text: { flex: 1 },
  name: { fontSize: 20, fontWeight: 700, marginBottom: 10 },
  zh: { fontSize: 13, lineHeight: 1.9 },
  en: { fontSize: 10, lineHeight: 1.55, marginTop: 12, color: "#374151" },
  footer: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-end" },
  party: { width: 210, alignItems: "center" },
  stampBox: { width: 120, height: 96, justifyContent: "center", alignItems: "center" },
  seal: { width: 96, height: 96, objectFit: "contain" },
  signature: { width: 64, height: 64, objectFit: "contain" },
  partyLabel: { fontSize: 9, color: "#4b5563", textAlign: "center" },
  qrBlock: { alignItems: "center", width: 130 },
  qr: { width: 78, height: 78 },
  number: { fontSize: 8.5, fontFamily: FONT, marginTop: 3 },
});

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={s.field}>
      <Text style={s.label}>{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

export function CertificatePage({ c }: { c: CertificateData }) {
  return (
    <Page size="A4" orientation="landscape" style={s.page} wrap={false}>
      <View style={s.frame}>
        <View style={s.inner}>
          <View>
            <Text style={s.title}>职业技能等级证书</Text>
            <Text style={s.subtitle}>Certificate of Vocational Skill Level</Text>
            <View style={s.body}>
              <View style={s.idBlock}>
                <Image src={c.photo} style={s.photo} />
                <Field label="姓名 Name" value={c.name} />
                <Field label="证件号码 ID No." value={c.idNumberMasked} />
                <Field label="证书等级 Certificate" value={c.certificate} />
              </View>
              <View style={s.text}>
                <Text style={s.name}>{c.name}：</Text>
                <Text style={s.zh}>{`\u3000\u3000${c.zh}`}</Text>
                <Text style={s.en}>{c.en}</Text>
              </View>
            </View>
          </View>
          <View style={s.footer}>
            <View style={s.qrBlock}>
              <Image src={c.qr} style={s.qr} />
              <Text style={s.partyLabel}>扫码核验 Verify online</Text>
              <Text style={s.number}>证书编号 No. {c.certificateNumber}</Text>
            </View>
            <View style={s.party}>
              <View style={s.stampBox}>
                <Image src={c.signature} style={s.signature} />
              </View>
              <Text style={s.partyLabel}>考核站点负责人（签章）</Text>
              <Text style={s.partyLabel}>{c.school}</Text>
            </View>
            <View style={s.party}>
              <View style={s.stampBox}>{c.seal ? <Image src={c.seal} style={s.seal} /> : <Text style={s.partyLabel}>{c.paper ? "（盖章处）" : ""}</Text>}</View>
              <Text style={s.partyLabel}>培训评价组织（盖章）</Text>
              <Text style={s.partyLabel}>{c.org}</Text>
              <Text style={s.partyLabel}>
                发证日期 {c.issuedOn} · Date of issue {c.issuedOnEn}
              </Text>
            </View>
          </View>
        </View>
      </View>
    </Page>
  );
}

export function CertificateDocument({ certificates }: { certificates: CertificateData[] }) {
  return (
    <Document
      title={certificates.length === 1 ? `职业技能等级证书 ${certificates[0].certificateNumber}` : "职业技能等级证书"}
      author="1+X 职业技能等级证书信息管理服务平台"
    >
      {certificates.map((c) => (
        <CertificatePage key={c.certificateNumber} c={c} />
      ))}
    </Document>
  );
}
