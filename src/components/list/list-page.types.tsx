// Checked by tsc in npm test, never rendered: ListPage's query fields are keys of the list's own filter.
import type { useTRPC } from "@/trpc/react";
import { ListPage } from "./list-page";

export function ListPageTypeCheck({ trpc }: { trpc: ReturnType<typeof useTRPC> }) {
  return (
    <>
      <ListPage title="" list={trpc.lists.users} fields={[{ key: "q", label: "" }]} columns={[{ header: "", cell: (r) => r.account }]} />
      {/* @ts-expect-error the users list's filter has no such field */}
      <ListPage title="" list={trpc.lists.users} fields={[{ key: "nonsense", label: "" }]} columns={[]} />
    </>
  );
}
