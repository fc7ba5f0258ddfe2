// The SMS gateway interface. The local one writes to the SmsOutbox table (read by the demo inbox page)
// and the server log; the HTTP one posts to a provider's relay. Chosen by SMS_PROVIDER.
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { maskPhone } from "@/domain/auth/mask";
import { log } from "@/server/log";

export interface SmsGateway {
  readonly name: string;
  send(phone: string, content: string): Promise<void>;
}

export class OutboxSmsGateway implements SmsGateway {
  readonly name = "outbox";
  constructor(private db: Db) {}
  async send(phone: string, content: string): Promise<void> {
    await this.db.smsOutbox.create({ data: { phone, content, provider: this.name } });
    // The log shows the masked number only; the content is in the outbox for the demo inbox.
    if (env().APP_MODE !== "test") log.info({ to: maskPhone(phone), chars: content.length }, "sms to outbox");
  }
}

export class HttpSmsGateway implements SmsGateway {
  readonly name = "http";
  constructor(
    private url: string,
    private token?: string,
  ) {}
  async send(phone: string, content: string): Promise<void> {
    const res = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ phone, content }),
      signal: AbortSignal.timeout(10000),
    });
    if (!res.ok) throw new Error(`SMS gateway HTTP ${res.status}`);
  }
}

export function createSmsGateway(db: Db): SmsGateway {
  const e = env();
  if (e.SMS_PROVIDER === "http") return new HttpSmsGateway(e.SMS_HTTP_URL!, e.SMS_HTTP_TOKEN);
  return new OutboxSmsGateway(db);
}
