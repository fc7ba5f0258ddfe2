// 电子证书的可验证凭证: an issued certificate as an Open Badges 3.0 VerifiableCredential, secured as a VC-JWT (EdDSA)
// with did-jwt-vc under the platform's did:web, whose DID document (/.well-known/did.json) carries the platform's
// Ed25519 key — the key that signs the ledger's tree heads. Anyone verifies it with did-jwt-vc and a did:web resolver.
import { EdDSASigner } from "did-jwt";
import { createVerifiableCredentialJwt, type Issuer } from "did-jwt-vc";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { notFound } from "@/server/errors";
import { platformSigner } from "@/server/ledger/signer";
import type { Scope } from "@/server/tenancy";
import { certificateCredential, platformDid, PLATFORM_NAME } from "@/domain/issuance/credential";
import { registrationWording } from "@/domain/issuance/certificate";
import { issuanceWhere } from "./scope";
import { verifyUrl } from "./verify-link";

const b64url = (b: Uint8Array) => Buffer.from(b).toString("base64url");

/** The platform's DID document: one Ed25519 key as JsonWebKey2020, for assertions (credentials). */
export async function didDocument(db: Db) {
  const { publicKey, keyId } = await platformSigner(db);
  const did = platformDid(env().PUBLIC_URL);
  const kid = `${did}#${keyId.slice(0, 16)}`;
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
    id: did,
    alsoKnownAs: [env().PUBLIC_URL.replace(/\/$/, "")],
    verificationMethod: [{ id: kid, type: "JsonWebKey2020", controller: did, publicKeyJwk: { kty: "OKP", crv: "Ed25519", x: b64url(publicKey) } }],
    assertionMethod: [kid],
    authentication: [kid],
    service: [{ id: `${did}#platform`, type: "LinkedDomains", serviceEndpoint: env().PUBLIC_URL.replace(/\/$/, ""), description: PLATFORM_NAME }],
  };
}

const select = {
  id: true,
  status: true,
  mode: true,
  issuedAt: true,
  revokedAt: true,
  certificateNumber: true,
  idSalt: true,
  registration: {
    select: {
      name: true,
      pinyin: true,
      idNumber: true,
      plan: { select: { examStartsAt: true, org: { select: { code: true, name: true } } } },
      certificateLevel: { select: { code: true, level: true, certificate: { select: { name: true, englishName: true } } } },
    },
  },
} satisfies Prisma.IssuanceSelect;

/** The signed credential of one issued, unrevoked certificate the caller may see (the org, the school, the holder). */
export async function certificateCredentialJwt(db: Db, scope: Scope, id: string): Promise<{ jwt: string; certificateNumber: string }> {
  const r = await db.issuance.findFirst({ where: { AND: [issuanceWhere(scope), { id, status: "ISSUED", revokedAt: null }] }, select });
  if (!r || !r.certificateNumber || !r.issuedAt || !r.idSalt) throw notFound("证书不存在或无权下载");
  const reg = r.registration;
  const level = reg.certificateLevel;
  const wording = registrationWording(reg);
  const publicUrl = env().PUBLIC_URL;
  const credential = certificateCredential({
    publicUrl,
    certificateNumber: r.certificateNumber,
    holderName: reg.name,
    idNumber: reg.idNumber,
    idSalt: r.idSalt,
    certificateName: level.certificate.name,
    level: level.level,
    levelCode: level.code,
    wording: wording.zh,
    orgCode: reg.plan.org.code,
    orgName: reg.plan.org.name,
    issuedAt: r.issuedAt,
    verifyUrl: verifyUrl(r.certificateNumber),
  });
  const signer = await platformSigner(db);
  const did = platformDid(publicUrl);
  const issuer: Issuer = { did, alg: "EdDSA", signer: EdDSASigner(signer.secretKey) };
  const jwt = await createVerifiableCredentialJwt(credential, issuer, { header: { kid: `${did}#${signer.keyId.slice(0, 16)}` } });
  return { jwt, certificateNumber: r.certificateNumber };
}
