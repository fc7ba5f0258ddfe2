// A certificate as a W3C Verifiable Credential in the shape of Open Badges 3.0 (an OpenBadgeCredential whose
// AchievementSubject earned an Achievement of type Certificate), secured as a VC-JWT by the platform's Ed25519 key.
// The platform is the issuer (it signs); the evaluation org that awards the certificate is the achievement's creator.
// The holder is named, and their ID number is carried only as a salted hash (OB 3.0 IdentityObject).
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { sha256 } from "@noble/hashes/sha2.js";
import type { Level } from "./certificate";
import { LEVEL_LABELS } from "@/domain/catalogue/labels";

export const VC_CONTEXT = "https://www.w3.org/2018/credentials/v1";
export const OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const PLATFORM_NAME = "职业技能等级证书信息管理服务平台";

/** did:web of the platform's origin: https://host:port → did:web:host%3Aport (the DID document at /.well-known/did.json). */
export function platformDid(publicUrl: string): string {
  const u = new URL(publicUrl);
  return `did:web:${encodeURIComponent(u.host)}`;
}

/** OB 3.0's hashed identity: "sha256$" + hex(sha256(identity + salt)). */
export const identityHash = (identity: string, salt: string) => `sha256$${bytesToHex(sha256(utf8ToBytes(identity + salt)))}`;

export type CredentialInput = {
  publicUrl: string;
  certificateNumber: string;
  holderName: string;
  idNumber: string;
  idSalt: string;
  certificateName: string;
  level: Level;
  levelCode: string;
  wording: string;
  orgCode: string;
  orgName: string;
  issuedAt: Date;
  verifyUrl: string;
};

/** The credential (W3C VC Data Model 1.1 with the OB 3.0 context), ready for did-jwt-vc to sign. */
export function certificateCredential(c: CredentialInput) {
  const base = c.publicUrl.replace(/\/$/, "");
  return {
    "@context": [VC_CONTEXT, OB3_CONTEXT],
    // The public verification link (the certificate's QR code), which carries the 证书编号.
    id: c.verifyUrl,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `${c.certificateName}（${LEVEL_LABELS[c.level]}）`,
    issuer: { id: platformDid(c.publicUrl), type: ["Profile"], name: PLATFORM_NAME, url: base },
    issuanceDate: c.issuedAt.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        { type: "IdentityObject", identityType: "name", hashed: false, identityHash: c.holderName },
        { type: "IdentityObject", identityType: "identifier", hashed: true, identityHash: identityHash(c.idNumber.toUpperCase(), c.idSalt), salt: c.idSalt },
      ],
      achievement: {
        id: `${base}/certificates#${c.levelCode}`,
        type: ["Achievement"],
        achievementType: "Certificate",
        humanCode: c.levelCode,
        name: `${c.certificateName}（${LEVEL_LABELS[c.level]}）`,
        description: c.wording,
        criteria: { narrative: c.wording },
        creator: { id: `${base}/certificates#org-${c.orgCode}`, type: ["Profile"], name: c.orgName },
        inLanguage: "zh-CN",
      },
    },
  };
}
export type CertificateCredential = ReturnType<typeof certificateCredential>;
