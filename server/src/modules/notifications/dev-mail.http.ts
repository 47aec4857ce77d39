import express from 'express';
import type { CaughtMail, MailCatcher } from './mail-catcher.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function messageHtml(mail: CaughtMail): string {
  const attachments = mail.attachments
    .map(
      (a) =>
        `<details><summary>Attachment ${escapeHtml(a.filename)} (${escapeHtml(a.contentType)})</summary><pre>${escapeHtml(a.content)}</pre></details>`,
    )
    .join('');
  return `<article>
  <h2>${escapeHtml(mail.subject)}</h2>
  <dl><dt>To</dt><dd>${escapeHtml(mail.to.join(', '))}</dd><dt>From</dt><dd>${escapeHtml(mail.from)}</dd>
  <dt>Received</dt><dd>${escapeHtml(mail.receivedAt.toISOString())}</dd></dl>
  <pre>${escapeHtml(mail.text)}</pre>${attachments}
</article>`;
}

/**
 * Development only: the mail the in-process SMTP catcher received, newest first, as a plain page (`/dev/mail`) and
 * as JSON (`/dev/mail.json`). The server mounts it only outside production.
 */
export function devMailRouter(catcher: MailCatcher): express.Router {
  const router = express.Router();
  router.get('/mail.json', async (_request, response) => {
    response.setHeader('cache-control', 'no-store');
    response.json((await catcher.messages()).reverse());
  });
  router.get('/mail', async (_request, response) => {
    const messages = (await catcher.messages()).reverse();
    response.setHeader('cache-control', 'no-store');
    response.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Caught mail (development)</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
article{border:1px solid #888;border-radius:6px;padding:0 1rem 1rem;margin:1rem 0}pre{white-space:pre-wrap;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}</style></head>
<body><main><h1>Caught mail (development)</h1>
<p>Email the server sent while no SMTP_URL is set: ${messages.length} message${messages.length === 1 ? '' : 's'}, newest first. Nothing here left this computer.</p>
${messages.map(messageHtml).join('\n')}
</main></body></html>`);
  });
  return router;
}
