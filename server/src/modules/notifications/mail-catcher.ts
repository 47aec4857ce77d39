import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  /** File name of the stored message (sortable by arrival). */
  id: string;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface MailCatcherOptions {
  /** Keep each message as an .eml file here (they survive a restart); without it, in memory only. */
  folder?: string;
  port?: number;
  /** Recipients refused with 550, as a real server refuses an unknown mailbox. */
  refuse?: (address: string) => boolean;
}

export interface MailCatcher {
  port: number;
  /** `smtp://127.0.0.1:<port>`: what `SMTP_URL` would be. */
  url: string;
  /** Every caught message, oldest first. */
  messages(): Promise<CaughtMail[]>;
  /** How many messages it caught since it started (without parsing them). */
  count(): number;
  /** Stops listening (closing open connections). */
  close(): Promise<void>;
}

async function toCaught(id: string, raw: Buffer): Promise<CaughtMail> {
  const mail: ParsedMail = await simpleParser(raw);
  const addresses = (field: ParsedMail['to']) => (field ? (Array.isArray(field) ? field : [field]).flatMap((a) => a.value) : []);
  return {
    id,
    receivedAt: mail.date ?? new Date(),
    from: mail.from?.text ?? '',
    to: addresses(mail.to).map((a) => a.address ?? ''),
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? '',
      contentType: a.contentType,
      content: a.content.toString('utf8'),
    })),
  };
}

/**
 * A real SMTP server inside the process that accepts every message (no authentication, loopback only) and keeps it:
 * development's stand-in for a mail server, as the embedded PostgreSQL is for a database, and the tests' receiver.
 */
export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const memory: { id: string; raw: Buffer }[] = [];
  let sequence = 0;
  if (options.folder) await mkdir(options.folder, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // On close, idle connections (a pooled mailer keeps some open) get 421 at once rather than after 30 s.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        callback(Object.assign(new Error(`Mailbox ${address.address} does not exist`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        sequence += 1;
        const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(sequence).padStart(6, '0')}.eml`;
        if (!options.folder) {
          memory.push({ id, raw });
          callback();
          return;
        }
        writeFile(path.join(options.folder, id), raw).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    count: () => sequence,
    async messages() {
      if (!options.folder) return Promise.all(memory.map((m) => toCaught(m.id, m.raw)));
      const folder = options.folder;
      const files = (await readdir(folder)).filter((file) => file.endsWith('.eml')).sort();
      return Promise.all(files.map(async (file) => toCaught(file, await readFile(path.join(folder, file)))));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
