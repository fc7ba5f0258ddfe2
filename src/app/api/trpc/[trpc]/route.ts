import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createHttpContext } from "@/server/api/context";

const MAX_BATCH = 10;

async function handler(req: Request) {
  const path = new URL(req.url).pathname.replace(/^\/api\/trpc\//, "");
  if (path.split(",").length > MAX_BATCH) {
    return Response.json({ error: { message: "请求过多" } }, { status: 400 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createHttpContext(req, resHeaders),
  });
}

export { handler as GET, handler as POST };
