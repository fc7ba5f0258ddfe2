// Region codes (GB/T 2260): 6 digits; a province is XX0000 and covers codes starting with XX, a city XXXX00
// and covers codes starting with XXXX.

/** The prefix every region code a department covers starts with. */
export function regionPrefix(level: "PROVINCE" | "CITY", regionCode: string): string {
  return level === "PROVINCE" ? regionCode.slice(0, 2) : regionCode.slice(0, 4);
}

/** The province a region code (or a region prefix) belongs to, as its 6-digit code. */
export function provinceCodeOf(regionCodeOrPrefix: string): string {
  return `${regionCodeOrPrefix.slice(0, 2)}0000`;
}
