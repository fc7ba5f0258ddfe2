import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "@/server/db";

/** Gives the calling test file its own database, copied from the migrated template. */
export function useTestDb(): { readonly db: Db; readonly url: string } {
  const state = {} as { db: Db; url: string; name: string };
  beforeAll(async () => {
    const adminUrl = inject("pgAdminUrl");
    state.name = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${state.name} TEMPLATE vslc_template`);
    await admin.end();
    state.url = adminUrl.replace(/\/[^/]*$/, `/${state.name}`);
    state.db = createDb(state.url);
  });
  afterAll(async () => {
    await state.db?.$disconnect();
  });
  return {
    get db() {
      return state.db;
    },
    get url() {
      return state.url;
    },
  };
}
