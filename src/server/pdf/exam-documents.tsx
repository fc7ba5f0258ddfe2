// The exam-day documents (002 §5.2.8.2; 001 §3.1.2.9): 准考证 (one per sitting), 考场门贴 (one per room), 考场桌贴
// (one per seat, eight to a page) and 考场签到表 (a room's candidates with photo and a signature column). Pure
// components over plain data: the job loads, these lay out, the toolkit renders.
import { Document, Image, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { base } from "./toolkit";

export type TicketData = {
  ticketNumber: string;
  name: string;
  idNumberMasked: string;
  gender: string;
  school: string;
  photo: Buffer | null;
  org: string;
  plan: string;
  certificate: string;
  subject: string;
  time: string;
  site: string;
  room: string;
  address: string;
  seat: number;
  /** PNG data URL of the QR code that opens the public ticket check. */
  qr: string;
};
export type RoomCandidate = { seat: number; name: string; idNumberMasked: string; ticketNumber: string; school: string; photo: Buffer | null };
export type RoomSheet = {
  room: string;
  site: string;
  address: string;
  certificate: string;
  subject: string;
  subjectCode: string;
  time: string;
  ticketRange: string;
  invigilators: string[];
  candidates: RoomCandidate[];
};

/** 考生须知 printed on every ticket. */
export const EXAM_RULES = [
  "考生须持本准考证和有效身份证件原件，于考试开始前 30 分钟到达考场，按座位号入座，并将证件放在桌面左上角。",
  "考试开始 15 分钟后不得入场；考试开始 30 分钟内不得交卷离场。",
  "除规定的文具外，不得携带手机、智能手表等通讯和存储设备进入考场；已带入的须关机并放在指定位置。",
  "考生应服从监考人员管理，独立完成考试，不得交头接耳、抄袭或协助他人作弊。违纪者按有关规定处理，成绩无效。",
  "机考考生须使用本人准考证号登录考试系统，不得擅自操作与考试无关的程序；设备故障应举手示意监考人员。",
  "本准考证由考生妥善保管，考试结束后可凭准考证号查询成绩；准考证二维码可用于核验本证真伪。",
];

/** An ideographic space between the header's items. */
const GAP = "\u3000";

const s = StyleSheet.create({
  box: { border: "1pt solid #333", padding: 14 },
  header: { fontSize: 11, textAlign: "center", color: "#333" },
  field: { flexDirection: "row", marginBottom: 5 },
  fieldLabel: { width: 64, color: "#555" },
  fieldValue: { flex: 1 },
  photo: { width: 85, height: 119, border: "0.5pt solid #999", objectFit: "cover" },
  photoEmpty: { width: 85, height: 119, border: "0.5pt dashed #999", justifyContent: "center", alignItems: "center", color: "#999" },
  rule: { flexDirection: "row", marginBottom: 3 },
  cell: { borderRight: "0.5pt solid #333", borderBottom: "0.5pt solid #333", padding: 4, justifyContent: "center" },
});

function Field({ label, value }: { label: string; value: string | number }) {
  return (
    <View style={s.field}>
      <Text style={s.fieldLabel}>{label}</Text>
      <Text style={s.fieldValue}>{value}</Text>
    </View>
  );
}

function Photo({ photo, width = 85, height = 119 }: { photo: Buffer | null; width?: number; height?: number }) {
  return photo ? (
    <Image src={photo} style={[s.photo, { width, height }]} />
  ) : (
    <View style={[s.photoEmpty, { width, height }]}>
      <Text>照片</Text>
    </View>
  );
}

export function TicketPage({ t }: { t: TicketData }) {
  return (
    <Page size="A4" style={base.page}>
      <View style={s.box}>
        <Text style={s.header}>{t.org}</Text>
        <Text style={base.title}>职业技能等级证书考试准考证</Text>
        <View style={base.row}>
          <View style={{ flex: 1, paddingRight: 12 }}>
            {(
              [
                ["准考证号", t.ticketNumber],
                ["姓名", t.name],
                ["性别", t.gender],
                ["证件号码", t.idNumberMasked],
                ["所属院校", t.school],
                ["考试计划", t.plan],
                ["考试证书", t.certificate],
                ["考试科目", t.subject],
                ["考试时间", t.time],
                ["考核站点", t.site],
                ["考场", t.room],
                ["座位号", t.seat],
                ["考场地址", t.address],
              ] as const
            ).map(([label, value]) => (
              <Field key={label} label={label} value={value} />
            ))}
          </View>
          <View style={{ width: 100, alignItems: "center" }}>
            <Photo photo={t.photo} />
            <Image src={t.qr} style={{ width: 85, height: 85, marginTop: 12 }} />
            <Text style={base.small}>扫码核验准考证</Text>
          </View>
        </View>
      </View>
      <View style={[s.box, { marginTop: 14 }]}>
        <Text style={{ fontWeight: 700, marginBottom: 6 }}>考生须知</Text>
        {EXAM_RULES.map((r, i) => (
          <View key={i} style={s.rule}>
            <Text style={{ width: 14 }}>{i + 1}.</Text>
            <Text style={{ flex: 1 }}>{r}</Text>
          </View>
        ))}
      </View>
    </Page>
  );
}

export function TicketsDocument({ tickets }: { tickets: TicketData[] }) {
  return (
    <Document title="准考证" language="zh-CN">
      {tickets.map((t) => (
        <TicketPage key={t.ticketNumber} t={t} />
      ))}
    </Document>
  );
}

export function DoorSignsDocument({ rooms }: { rooms: RoomSheet[] }) {
  return (
    <Document title="考场门贴" language="zh-CN">
      {rooms.map((r) => (
        <Page key={`${r.room}|${r.subjectCode}`} size="A4" orientation="landscape" style={[base.page, { padding: 48 }]}>
          <View style={[s.box, { flex: 1, justifyContent: "center", alignItems: "center", borderWidth: 3 }]}>
            <Text style={{ fontSize: 16, color: "#333" }}>{r.site}</Text>
            <Text style={{ fontSize: 54, fontWeight: 700, marginVertical: 24 }}>{r.room}</Text>
            <Text style={{ fontSize: 20 }}>{r.certificate}</Text>
            <Text style={{ fontSize: 20, marginTop: 6 }}>
              {r.subject}（{r.subjectCode}）
            </Text>
            <Text style={{ fontSize: 18, marginTop: 14 }}>考试时间：{r.time}</Text>
            <Text style={{ fontSize: 16, marginTop: 8 }}>准考证号：{r.ticketRange}</Text>
            <Text style={{ fontSize: 16, marginTop: 8 }}>应考人数：{r.candidates.length} 人</Text>
          </View>
        </Page>
      ))}
    </Document>
  );
}

const PER_PAGE = 8;
export function DeskStickersDocument({ rooms }: { rooms: RoomSheet[] }) {
  const pages = rooms.flatMap((r) => {
    const out: { r: RoomSheet; list: RoomCandidate[] }[] = [];
    for (let i = 0; i < r.candidates.length; i += PER_PAGE) out.push({ r, list: r.candidates.slice(i, i + PER_PAGE) });
    return out;
  });
  return (
    <Document title="考场桌贴" language="zh-CN">
      {pages.map(({ r, list }) => (
        <Page key={`${r.room}|${r.subjectCode}|${list[0].seat}`} size="A4" style={[base.page, { padding: 24 }]}>
          <View style={{ flexDirection: "row", flexWrap: "wrap" }}>
            {list.map((c) => (
              <View key={c.seat} style={{ width: "50%", height: 190, padding: 6 }}>
                <View style={[s.box, { flex: 1, alignItems: "center", justifyContent: "center", borderStyle: "dashed" }]}>
                  <Text style={{ fontSize: 11, color: "#555" }}>
                    {r.room} · {r.subject}
                  </Text>
                  <Text style={{ fontSize: 40, fontWeight: 700, marginVertical: 6 }}>{String(c.seat).padStart(2, "0")}</Text>
                  <Text style={{ fontSize: 16 }}>{c.name}</Text>
                  <Text style={{ fontSize: 12, marginTop: 4 }}>准考证号 {c.ticketNumber}</Text>
                  <Text style={{ fontSize: 10, marginTop: 2, color: "#555" }}>{c.school}</Text>
                </View>
              </View>
            ))}
          </View>
        </Page>
      ))}
    </Document>
  );
}

const COLS = [
  { h: "座位号", w: 40 },
  { h: "照片", w: 52 },
  { h: "姓名", w: 70 },
  { h: "证件号码", w: 88 },
  { h: "准考证号", w: 112 },
  { h: "所属院校", w: 76 },
  { h: "考生签名", w: 73 },
];
export function SignInSheetsDocument({ rooms }: { rooms: RoomSheet[] }) {
  return (
    <Document title="考场签到表" language="zh-CN">
      {rooms.map((r) => (
        <Page key={`${r.room}|${r.subjectCode}`} size="A4" style={base.page} wrap>
          <Text style={base.title}>考场签到表</Text>
          <Text style={{ marginBottom: 4 }}>
            考核站点：{r.site}
            {GAP}考场：{r.room}
            {GAP}考试时间：{r.time}
          </Text>
          <Text style={{ marginBottom: 8 }}>
            考试科目：{r.subject}（{r.subjectCode}）{GAP}应考人数：{r.candidates.length}
            {GAP}监考老师：{r.invigilators.join("、") || "—"}
          </Text>
          <View style={{ borderTop: "0.5pt solid #333", borderLeft: "0.5pt solid #333" }}>
            <View style={base.row} fixed>
              {COLS.map((c) => (
                <Text key={c.h} style={[s.cell, { width: c.w, fontWeight: 700, textAlign: "center" }]}>
                  {c.h}
                </Text>
              ))}
            </View>
            {r.candidates.map((c) => (
              <View key={c.seat} style={base.row} wrap={false}>
                <Text style={[s.cell, { width: COLS[0].w, textAlign: "center" }]}>{c.seat}</Text>
                <View style={[s.cell, { width: COLS[1].w, alignItems: "center" }]}>
                  <Photo photo={c.photo} width={36} height={50} />
                </View>
                <Text style={[s.cell, { width: COLS[2].w }]}>{c.name}</Text>
                <Text style={[s.cell, { width: COLS[3].w }]}>{c.idNumberMasked}</Text>
                <Text style={[s.cell, { width: COLS[4].w }]}>{c.ticketNumber}</Text>
                <Text style={[s.cell, { width: COLS[5].w }]}>{c.school}</Text>
                <Text style={[s.cell, { width: COLS[6].w }]}> </Text>
              </View>
            ))}
          </View>
          <Text style={{ marginTop: 12 }}>
            实考人数：______{GAP}缺考人数：______{GAP}监考老师签名：________________
          </Text>
        </Page>
      ))}
    </Document>
  );
}
