// The platform's did:web document: the Ed25519 key that signs certificates' credentials (and the ledger's heads).
import { getDb } from "@/server/db";
import { didDocument } from "@/server/issuance/credential";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await didDocument(getDb()), { headers: { "content-type": "application/did+json", "cache-control": "public, max-age=300" } });
}
