// The identity-verification interface behind 认证. The manual's provider is the public-security photo
// comparison, reached through an HTTP relay (IDENTITY_PROVIDER=http). The local provider checks what can be
// checked here: the number (format, region, birth date, check digit), the name, and that the photo is present
// and meets the photo rules; a person's likeness cannot be compared locally.
import { env } from "@/server/env";
import { idNumberProblem, nameProblem, type IdType } from "@/domain/candidates/identity";
import { checkedPhoto } from "@/server/candidates/photo";

export type IdentityInput = { name: string; idType: IdType; idNumber: string; photo: Buffer | null };
export type IdentityResult = { ok: boolean; reasons: string[] };

export interface IdentityVerifier {
  readonly name: string;
  verify(p: IdentityInput, today: Date): Promise<IdentityResult>;
}

export class LocalIdentityVerifier implements IdentityVerifier {
  readonly name = "local";
  async verify(p: IdentityInput, today: Date): Promise<IdentityResult> {
    const reasons: string[] = [];
    const id = idNumberProblem(p.idType, p.idNumber, today);
    if (id) reasons.push(id);
    const n = nameProblem(p.name);
    if (n) reasons.push(n);
    if (!p.photo) reasons.push("没有照片");
    else {
      const photo = await checkedPhoto(p.photo);
      if (!photo.ok) reasons.push(photo.error);
    }
    return { ok: reasons.length === 0, reasons };
  }
}

export class HttpIdentityVerifier implements IdentityVerifier {
  readonly name = "http";
  constructor(
    private url: string,
    private token?: string,
  ) {}
  async verify(p: IdentityInput): Promise<IdentityResult> {
    const res = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ name: p.name, idType: p.idType, idNumber: p.idNumber, photo: p.photo?.toString("base64") ?? null }),
      signal: AbortSignal.timeout(15000),
    });
    if (!res.ok) throw new Error(`identity provider HTTP ${res.status}`);
    const body = (await res.json()) as { match: boolean; reasons?: string[] };
    return { ok: !!body.match, reasons: body.match ? [] : body.reasons?.length ? body.reasons : ["人像比对未通过"] };
  }
}

export function createIdentityVerifier(): IdentityVerifier {
  const e = env();
  return e.IDENTITY_PROVIDER === "http" ? new HttpIdentityVerifier(e.IDENTITY_HTTP_URL!, e.IDENTITY_HTTP_TOKEN) : new LocalIdentityVerifier();
}
