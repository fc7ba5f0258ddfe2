// The manuals' own examples, plus enough similar rows that every list paginates.
export const DEPARTMENTS = [
  { key: "bj", name: "北京市教育委员会", level: "PROVINCE", regionCode: "110000" },
  { key: "hb", name: "湖北省教育厅", level: "PROVINCE", regionCode: "420000" },
  { key: "wh", name: "武汉教育局", level: "CITY", regionCode: "420100", parent: "hb" },
  { key: "yc", name: "宜昌市教育局", level: "CITY", regionCode: "420500", parent: "hb" },
  { key: "sd", name: "山东省教育厅", level: "PROVINCE", regionCode: "370000" },
  { key: "yt", name: "烟台市教育局", level: "CITY", regionCode: "370600", parent: "sd" },
  { key: "gd", name: "广东省教育厅", level: "PROVINCE", regionCode: "440000" },
] as const;

export const ORGS = [
  { code: "125", name: "达内教育", uscc17: "91110108776388640", contact: "王晓明", phone: "13800000125" },
  { code: "126", name: "北京中车行高新技术有限公司", uscc17: "91110108597723381", contact: "陈立", phone: "13800000126" },
  { code: "127", name: "中联集团教育科技有限公司", uscc17: "91440300MA5DC8G2X", contact: "刘芳", phone: "13800000127" },
  { code: "128", name: "北京鸿科经纬科技有限公司", uscc17: "91110108MA01A9L1K", contact: "赵鹏", phone: "13800000128" },
  { code: "129", name: "北京化育求贤教育科技有限公司", uscc17: "91110105MA01KQ4R7", contact: "孙丽", phone: "13800000129" },
  { code: "130", name: "中物联物流", uscc17: "51100000500000567", contact: "周强", phone: "13800000130" },
  { code: "131", name: "北京中福长者文化科技有限公司", uscc17: "91110102MA00B1234", contact: "吴敏", phone: "13800000131" },
  { code: "132", name: "工业和信息化部教育与考试中心", uscc17: "12100000400012345", contact: "郑华", phone: "13800000132" },
] as const;

type L = "JUNIOR" | "INTERMEDIATE" | "SENIOR";
export const CERTIFICATES: {
  code: string; name: string; org: string; batch: string; category: string; levels: L[]; modes: ("COMPUTER" | "PRACTICAL" | "WRITTEN")[];
  majors: string[]; hours: number; credits: number; english: string;
}[] = [
  { code: "60000001", name: "JAVA应用开发职业技能等级证书", org: "125", batch: "第三批", category: "电子与信息大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["COMPUTER", "PRACTICAL"], majors: ["510201", "510203", "510212", "080902", "610205"], hours: 96, credits: 6, english: "Java Application Development" },
  { code: "60000002", name: "Web前端开发职业技能等级证书", org: "132", batch: "第一批", category: "电子与信息大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["COMPUTER", "PRACTICAL"], majors: ["510201", "510203", "710204", "080901"], hours: 80, credits: 5, english: "Web Front-end Development" },
  { code: "60000003", name: "网店运营推广职业技能等级证书", org: "128", batch: "第一批", category: "财经商贸大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["COMPUTER"], majors: ["530701", "530702", "530703", "730701", "630801"], hours: 64, credits: 4, english: "E-shop Operation and Promotion" },
  { code: "60000004", name: "智能新能源汽车职业技能等级证书", org: "126", batch: "第一批", category: "交通运输大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["COMPUTER", "PRACTICAL"], majors: ["500211", "460702", "460701", "700206", "600209"], hours: 120, credits: 7, english: "Intelligent New Energy Vehicle" },
  { code: "60000005", name: "智能估值数据采集与应用职业技能等级证书", org: "127", batch: "第三批", category: "财经商贸大类", levels: ["JUNIOR", "INTERMEDIATE"], modes: ["COMPUTER"], majors: ["530302", "530301", "510205"], hours: 72, credits: 4, english: "Intelligent Valuation Data Collection and Application" },
  { code: "60000006", name: "老年照护职业技能等级证书", org: "131", batch: "第一批", category: "医药卫生大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["WRITTEN", "PRACTICAL"], majors: ["590302", "520802", "520201", "720801", "690301"], hours: 90, credits: 5, english: "Elderly Care" },
  { code: "60000007", name: "化工精馏安全控制职业技能等级证书", org: "129", batch: "第二批", category: "生物与化工大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["COMPUTER", "PRACTICAL"], majors: ["470201", "470208", "570201"], hours: 80, credits: 5, english: "Chemical Rectification Safety Control" },
  { code: "60000008", name: "化工危险与可操作性(HAZOP)分析职业技能等级证书", org: "129", batch: "第二批", category: "生物与化工大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["COMPUTER"], majors: ["470201", "420901"], hours: 64, credits: 4, english: "Hazard and Operability (HAZOP) Analysis" },
  { code: "60000009", name: "物流管理职业技能等级证书", org: "130", batch: "第一批", category: "财经商贸大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["COMPUTER"], majors: ["530801", "530802"], hours: 72, credits: 4, english: "Logistics Management" },
  { code: "60000010", name: "信息化应用职业技能等级证书", org: "130", batch: "第四批", category: "财经商贸大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["COMPUTER"], majors: ["530801", "310207", "510201"], hours: 60, credits: 3, english: "Informatization Application" },
  { code: "60000011", name: "大数据应用开发(Python)职业技能等级证书", org: "125", batch: "第三批", category: "电子与信息大类", levels: ["JUNIOR", "INTERMEDIATE", "SENIOR"], modes: ["COMPUTER", "PRACTICAL"], majors: ["510205", "510201", "080901"], hours: 96, credits: 6, english: "Big Data Application Development (Python)" },
  { code: "60000012", name: "直播电商职业技能等级证书", org: "128", batch: "第四批", category: "财经商贸大类", levels: ["JUNIOR", "INTERMEDIATE"], modes: ["PRACTICAL"], majors: ["530704", "530701"], hours: 48, credits: 3, english: "Live Streaming E-commerce" },
];

/** School code, name, type, region (district), department key, uscc body (17 chars). */
export const SCHOOLS: [string, string, "UNDERGRADUATE" | "HIGHER_VOCATIONAL" | "SECONDARY_VOCATIONAL", string, string, string][] = [
  ["4111010009", "北方工业大学", "UNDERGRADUATE", "110107", "bj", "12110000400686540"],
  ["4111010008", "北京科技大学", "UNDERGRADUATE", "110108", "bj", "12100000400010060"],
  ["4111010028", "首都师范大学", "UNDERGRADUATE", "110108", "bj", "12110000400687129"],
  ["4111050576", "北京信息职业技术学院", "HIGHER_VOCATIONAL", "110115", "bj", "12110000400690135"],
  ["4111051016", "北京电子科技职业学院", "HIGHER_VOCATIONAL", "110115", "bj", "12110000400692051"],
  ["4111013682", "北京财贸职业学院", "HIGHER_VOCATIONAL", "110106", "bj", "12110000400689213"],
  ["4111012448", "北京工业职业技术学院", "HIGHER_VOCATIONAL", "110107", "bj", "12110000400693456"],
  ["4111014253", "北京劳动保障职业学院", "HIGHER_VOCATIONAL", "110107", "bj", "12110000400694331"],
  ["4111012565", "北京农业职业学院", "HIGHER_VOCATIONAL", "110106", "bj", "12110000400695782"],
  ["4111014045", "昌平职业学校", "SECONDARY_VOCATIONAL", "110114", "bj", "12110114400698124"],
  ["4142010522", "武汉体育学院", "UNDERGRADUATE", "420115", "wh", "12420000441432794"],
  ["4142010834", "武汉职业技术学院", "HIGHER_VOCATIONAL", "420111", "wh", "12420000441432881"],
  ["4142012053", "武汉软件工程职业学院", "HIGHER_VOCATIONAL", "420111", "wh", "12420100441360015"],
  ["4142013254", "武汉交通职业学院", "HIGHER_VOCATIONAL", "420111", "wh", "12420100441360112"],
  ["4142011953", "湖北职业技术学院", "HIGHER_VOCATIONAL", "420106", "hb", "12420000441433022"],
  ["4142013036", "三峡电力职业学院", "HIGHER_VOCATIONAL", "420502", "yc", "12420500441520043"],
  ["4142012749", "襄阳职业技术学院", "HIGHER_VOCATIONAL", "420606", "hb", "12420600441680021"],
  ["4142014178", "武汉市第一商业学校", "SECONDARY_VOCATIONAL", "420102", "wh", "12420100441362231"],
  ["4137012862", "烟台职业学院", "HIGHER_VOCATIONAL", "370613", "yt", "12370600495731232"],
  ["4137013852", "烟台汽车工程职业学院", "HIGHER_VOCATIONAL", "370602", "yt", "12370600495731427"],
  ["4137012862".replace("2862", "2863"), "山东商业职业技术学院", "HIGHER_VOCATIONAL", "370102", "sd", "12370000495571164"],
  ["4137010426", "青岛职业技术学院", "HIGHER_VOCATIONAL", "370212", "sd", "12370200427452231"],
  ["4144014263", "广州番禺职业技术学院", "HIGHER_VOCATIONAL", "440106", "gd", "12440000455858122"],
  ["4144012947", "深圳职业技术大学", "HIGHER_VOCATIONAL", "440305", "gd", "12440300455758363"],
  ["4144014590", "广东轻工职业技术学院", "HIGHER_VOCATIONAL", "440106", "gd", "12440000455858431"],
  ["4144013929", "广州铁路职业技术学院", "HIGHER_VOCATIONAL", "440106", "gd", "12440000455858519"],
];

/** The password every demo account starts with (printed by npm start). */
export const DEMO_PASSWORD = "Demo@2026vs";

/** 教育部院校名录 rows of schools not on the platform yet (code, name, type, district); they may register. */
export const UNREGISTERED_SCHOOLS: [string, string, "UNDERGRADUATE" | "HIGHER_VOCATIONAL" | "SECONDARY_VOCATIONAL", string][] = [
  ["4111014087", "北京城市学院", "UNDERGRADUATE", "110105"],
  ["4111012446", "北京经济管理职业学院", "HIGHER_VOCATIONAL", "110106"],
  ["4111014016", "北京交通运输职业学院", "HIGHER_VOCATIONAL", "110114"],
  ["4111012876", "北京社会管理职业学院", "HIGHER_VOCATIONAL", "110114"],
  ["4142012046", "武汉铁路职业技术学院", "HIGHER_VOCATIONAL", "420115"],
  ["4142012754", "湖北城市建设职业技术学院", "HIGHER_VOCATIONAL", "420115"],
  ["4142013802", "宜昌科技职业学院", "HIGHER_VOCATIONAL", "420502"],
  ["4142010512", "湖北工业大学", "UNDERGRADUATE", "420111"],
  ["4137012328", "济南职业学院", "HIGHER_VOCATIONAL", "370102"],
  ["4137013001", "烟台工程职业技术学院", "HIGHER_VOCATIONAL", "370613"],
  ["4137014100", "青岛酒店管理职业技术学院", "HIGHER_VOCATIONAL", "370212"],
  ["4144012059", "广东机电职业技术学院", "HIGHER_VOCATIONAL", "440106"],
  ["4144014589", "广东科学技术职业学院", "HIGHER_VOCATIONAL", "440106"],
];
