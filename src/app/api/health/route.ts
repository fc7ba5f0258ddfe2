import { getDb } from "@/server/db";
import { systemClock } from "@/server/clock";
import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

/** 200 when the database, its migrations and a worker are all well; 503 with what is not. */
export async function GET() {
  const health = await checkHealth(getDb(), systemClock);
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
