// The tree-head signer. Production: LEDGER_SIGNING_KEY (an Ed25519 seed from the deployment's secrets; a KMS would
// plug in here). Demo and test: one local key, made on first use and kept in LedgerKey, so every instance signs with
// the same key. Either way the public key is in LedgerKey, where verifiers find it by its id.
import { hexToBytes } from "@noble/hashes/utils.js";
import { ed25519 } from "@noble/curves/ed25519.js";
import { sqlOf, type Db, type Sql } from "@/server/db";
import { lockLedger } from "./lock";
import { keyIdOf, publicKeyOf } from "@/domain/ledger/tree-head";

export type LedgerSigner = { secretKey: Uint8Array; publicKey: Uint8Array; keyId: string };

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

/** The signer; call inside the ledger's lock (the local key is made at most once). */
export async function ledgerSigner(sql: Sql): Promise<LedgerSigner> {
  // Read directly (the seed signs before the app's settings are complete); env.ts checks its shape at start-up.
  const configured = process.env.LEDGER_SIGNING_KEY;
  if (configured) {
    if (!/^[0-9a-fA-F]{64}$/.test(configured)) throw new Error("配置错误: LEDGER_SIGNING_KEY 须为 64 位十六进制");
    const secretKey = hexToBytes(configured.toLowerCase());
    const publicKey = publicKeyOf(secretKey);
    const keyId = keyIdOf(publicKey);
    await sql`INSERT INTO "LedgerKey" ("keyId", "publicKey") VALUES (${keyId}, decode(${hex(publicKey)}, 'hex')) ON CONFLICT DO NOTHING`;
    return { secretKey, publicKey, keyId };
  }
  const [local] = await sql<{ secret: string }>`
    SELECT encode("secretKey", 'hex') AS secret FROM "LedgerKey" WHERE "secretKey" IS NOT NULL ORDER BY "createdAt", "keyId" LIMIT 1`;
  const secretKey = local ? hexToBytes(local.secret) : ed25519.utils.randomSecretKey();
  const publicKey = publicKeyOf(secretKey);
  const keyId = keyIdOf(publicKey);
  if (!local)
    await sql`INSERT INTO "LedgerKey" ("keyId", "publicKey", "secretKey") VALUES (${keyId}, decode(${hex(publicKey)}, 'hex'), decode(${hex(secretKey)}, 'hex'))`;
  return { secretKey, publicKey, keyId };
}

/** The platform's signer outside an append (the credentials' VC-JWTs, the DID document): under the ledger's lock, so
 * a first use makes the local key once whichever instance gets there first. */
export async function platformSigner(db: Db): Promise<LedgerSigner> {
  return db.$transaction(async (tx) => {
    const sql = sqlOf(tx);
    await lockLedger(sql);
    return ledgerSigner(sql);
  });
}
