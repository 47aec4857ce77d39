import nodemailer from 'nodemailer';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  /** Resolves with the SMTP server's message id; throws a `MailError` when it is not accepted. */
  send(message: MailMessage): Promise<string>;
  close(): void;
}

/**
 * Whether a send failure is for good: an SMTP reply of 5xx (RFC 5321 §4.2.1, "permanent negative completion":
 * the same command will fail again), such as 550 "mailbox unavailable". Everything else (server down, 4xx,
 * timeouts) is temporary and worth retrying.
 */
export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | undefined,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

export interface MailerOptions {
  /**
   * SMTP connections kept open and reused (nodemailer's pooled transport); 0 opens one connection per message. A
   * pooled connection the server closes while idle is dropped and a new one opened for the next message.
   */
  connections?: number;
}

/** A nodemailer transport for `smtpUrl` (smtp:// or smtps://, credentials in the URL), sending as `from`. */
export function createMailer(smtpUrl: string, from: string, options: MailerOptions = {}): Mailer {
  const connections = options.connections ?? 3;
  // A connection per message costs a TCP (and TLS) handshake and the SMTP greeting each time: a queue of due reminders
  // is sent far faster over a few reused connections.
  const transport =
    connections > 0
      ? nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: connections })
      : nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ from, ...message });
        return info.messageId;
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        const responseCode = typeof code === 'number' ? code : undefined;
        const permanent = responseCode !== undefined && responseCode >= 500 && responseCode < 600;
        throw new MailError((error as Error).message, permanent, responseCode);
      }
    },
    close: () => transport.close(),
  };
}
