import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/config";

type RouteCtx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: RouteCtx) {
  return NextAuth(getAuthOptions())(req as never, { params: await ctx.params } as never);
}

export { handler as GET, handler as POST };
