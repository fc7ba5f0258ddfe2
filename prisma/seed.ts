import { createDb } from "@/server/db";
import { seedDemo } from "@/server/seed";

const db = createDb(process.env.DATABASE_URL!);
const created = await seedDemo(db);
console.log(created ? "demo data seeded" : "demo data already present");
await db.$disconnect();
