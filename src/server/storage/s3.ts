// S3-compatible object storage (STORAGE_DRIVER=s3): the production driver behind the same interface as the
// local disk. Any S3 API works (AWS, MinIO, the Chinese clouds' S3 endpoints) through S3_ENDPOINT.
import { PassThrough, Readable, type Writable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { Storage } from "./index";

export class S3Storage implements Storage {
  constructor(
    private client: S3Client,
    private bucket: string,
  ) {}

  static fromEnv(e: NodeJS.ProcessEnv = process.env): S3Storage {
    if (!e.S3_BUCKET) throw new Error("配置错误: STORAGE_DRIVER=s3 需要 S3_BUCKET");
    const client = new S3Client({
      region: e.S3_REGION ?? "us-east-1",
      endpoint: e.S3_ENDPOINT,
      forcePathStyle: !!e.S3_ENDPOINT, // MinIO and most self-hosted endpoints
      credentials: e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? "" } : undefined,
    });
    return new S3Storage(client, e.S3_BUCKET);
  }

  async put(key: string, body: Buffer | Readable): Promise<number> {
    if (Buffer.isBuffer(body)) {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body }));
      return body.length;
    }
    const { stream, done } = await this.writer(key);
    body.pipe(stream);
    return done();
  }

  async writer(key: string): Promise<{ stream: Writable; done: () => Promise<number> }> {
    // Multipart upload of whatever is written (exports stream in without a known length).
    const stream = new PassThrough();
    let size = 0;
    stream.on("data", (c: Buffer) => {
      size += c.length;
    });
    const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key: key, Body: stream } });
    const finished = upload.done();
    return {
      stream,
      done: async () => {
        await finished;
        return size;
      },
    };
  }

  async read(key: string): Promise<Readable> {
    const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return r.Body as Readable;
  }

  async readBuffer(key: string): Promise<Buffer> {
    const r = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from(await r.Body!.transformToByteArray());
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    return this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })).then(
      () => true,
      () => false,
    );
  }
}
