// The S3 driver against a real S3 API implementation (s3rver, in-process): put, streamed multipart write,
// read, remove, and a candidate photo stored through it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import S3rver from "s3rver";
import { S3Client } from "@aws-sdk/client-s3";
import { S3Storage } from "@/server/storage/s3";
import { newKey } from "@/server/storage";
import { writeXlsx } from "@/server/excel/export";
import { checkedPhoto } from "@/server/candidates/photo";
import { idPhoto } from "../support/images";

let server: S3rver;
let storage: S3Storage;

beforeAll(async () => {
  server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory: fs.mkdtempSync(path.join(os.tmpdir(), "vslc-s3-")),
    silent: true,
    configureBuckets: [{ name: "vslc" }],
  });
  const { port } = await server.run();
  storage = new S3Storage(
    new S3Client({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    }),
    "vslc",
  );
});
afterAll(async () => {
  await server?.close();
});

describe("S3 storage driver", () => {
  it("puts, streams, reads and removes objects", async () => {
    const key = newKey("test", "txt");
    expect(await storage.put(key, Buffer.from("你好，对象存储"))).toBe(Buffer.byteLength("你好，对象存储"));
    expect((await storage.readBuffer(key)).toString()).toBe("你好，对象存储");
    const streamed = newKey("test", "bin");
    expect(await storage.put(streamed, Readable.from([Buffer.alloc(1024, 1), Buffer.alloc(2048, 2)]))).toBe(3072);
    const chunks: Buffer[] = [];
    for await (const c of await storage.read(streamed)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).length).toBe(3072);
    await storage.remove(key);
    expect(await storage.exists(key)).toBe(false);
  });

  it("takes a streamed .xlsx export and a checked photo", async () => {
    const key = newKey("export", "xlsx");
    const { stream, done } = await storage.writer(key);
    const rows = await writeXlsx({
      stream,
      sheet: "考生",
      title: "考生信息",
      columns: [{ header: "姓名", value: (r: { name: string }) => r.name }],
      batches: (async function* () {
        yield Array.from({ length: 2000 }, (_, i) => ({ name: `考生${i}` }));
      })(),
    });
    const size = await done();
    expect(rows).toBe(2000);
    expect((await storage.readBuffer(key)).length).toBe(size);
    const photo = await checkedPhoto(await idPhoto());
    if (!photo.ok) throw new Error(photo.error);
    const pk = newKey("candidate-photo", "jpg");
    await storage.put(pk, photo.jpeg);
    expect((await storage.readBuffer(pk)).equals(photo.jpeg)).toBe(true);
  });
});
