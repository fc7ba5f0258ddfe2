// npm run bench -- <name>: runs bench/<name>.ts. Each benchmark's last line is one JSON object.
import path from "node:path";
import { pathToFileURL } from "node:url";

const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  console.error("usage: npm run bench -- <name>   (e.g. export)");
  process.exit(2);
}
await import(pathToFileURL(path.join(import.meta.dirname, `${name}.ts`)).href);
