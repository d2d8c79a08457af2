import nodemailer from 'nodemailer';
import type { Deps, MailPort } from '../../deps';
import type { Logger } from '../../logger';
import {
  type ClaimedMessage,
  claimDueMessages,
  markAttemptFailed,
  markSent,
  releaseClaims,
  releaseHeld,
} from './mail.repo';
import { isMailConfigured } from './mail.service';

/** The outbox's delivery rules (docs/decisions/0019-outbox.md). */
export const MAIL_WORKER = {
  /** The fallback when no commit wakes the worker. */
  pollMs: 5_000,
  /** Rows claimed per short transaction. */
  batch: 10,
  /** A row left `sending` this long by a crashed worker is claimed again. */
  leaseMs: 2 * 60_000,
  /** The first retry's delay, doubled at each attempt, capped. */
  retryBaseMs: 60_000,
  retryMaxMs: 6 * 60 * 60_000,
  /** After this many attempts a message is `failed`, for an admin to retry. */
  maxAttempts: 8,
  connectionTimeoutMs: 10_000,
  socketTimeoutMs: 30_000,
} as const;

export function retryDelayMs(attempts: number): number {
  return Math.min(MAIL_WORKER.retryBaseMs * 2 ** Math.max(0, attempts - 1), MAIL_WORKER.retryMaxMs);
}

/**
 * A 5xx reply (nodemailer's `responseCode`) is the mail server's final no: a bad address will
 * not get better, so it is not retried; 4xx replies and connection errors are (decision 0019).
 */
export function isPermanentRefusal(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null && 'responseCode' in error
      ? error.responseCode
      : undefined;
  return typeof code === 'number' && code >= 500 && code < 600;
}

type Transport = ReturnType<typeof nodemailer.createTransport>;

/**
 * The single loop that delivers the outbox: woken after a commit that queued mail, polling as a
 * fallback, backing off on errors; it never throws, so no SMTP or database fault ends the
 * process. Without SMTP_URL it does nothing and messages stay held.
 */
export function createMailWorker(log: Logger) {
  let deps: Deps | null = null;
  let transport: Transport | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let isWokenAgain = false;
  let isStopped = true;
  let faults = 0;

  const port: MailPort = {
    wake: () => {
      if (!isStopped && transport) kick();
    },
  };

  function kick(): void {
    if (running) {
      isWokenAgain = true;
      return;
    }
    running = loop().finally(() => {
      running = null;
    });
  }

  async function loop(): Promise<void> {
    clearTimeout(timer);
    do {
      isWokenAgain = false;
      try {
        await drain();
        faults = 0;
      } catch (error) {
        faults += 1;
        log.error('mail worker: the outbox could not be read', error);
        break;
      }
    } while (isWokenAgain && !isStopped);
    if (isStopped) return;
    // Database trouble: back off up to a minute; the next commit's wake comes sooner.
    const delay = Math.min(MAIL_WORKER.pollMs * 2 ** faults, 60_000);
    timer = setTimeout(kick, delay);
    timer.unref();
  }

  async function drain(): Promise<void> {
    while (!isStopped && deps) {
      const active = deps;
      const at = active.now();
      const claimed = await active.db.transaction((tx) =>
        claimDueMessages(tx, at, new Date(at.getTime() + MAIL_WORKER.leaseMs), MAIL_WORKER.batch),
      );
      if (claimed.length === 0) return;
      for (const [index, message] of claimed.entries()) {
        if (isStopped) {
          // Stopping between two messages: the rest go back to the queue for the next start.
          await releaseClaims(active.db, claimed.slice(index), active.now());
          return;
        }
        await deliver(active, message);
      }
    }
  }

  async function deliver(active: Deps, message: ClaimedMessage): Promise<void> {
    try {
      await transport!.sendMail({
        from: active.env.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: message.messageId,
        headers: message.headers,
        attachments: message.attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: attachment.contentBase64,
          encoding: 'base64',
        })),
      });
    } catch (error) {
      const isLast = message.attempts >= MAIL_WORKER.maxAttempts || isPermanentRefusal(error);
      const reason = error instanceof Error ? error.message : String(error);
      log.warn(`mail worker: ${message.messageId} not delivered (attempt ${message.attempts})`);
      await markAttemptFailed(active.db, message, {
        status: isLast ? 'failed' : 'queued',
        nextAttemptAt: new Date(active.now().getTime() + retryDelayMs(message.attempts)),
        error: reason.slice(0, 1000),
      });
      return;
    }
    // Accepted by the mail server: a crash before this line sends it again (decision 0019).
    await markSent(active.db, message, active.now());
  }

  return {
    port,
    async start(started: Deps): Promise<void> {
      if (!isMailConfigured(started)) {
        log.info('e-mail not configured (SMTP_URL): messages are kept in the outbox, unsent');
        return;
      }
      deps = started;
      isStopped = false;
      // One kept-open connection: a batch of reminders does not reconnect for each message.
      transport = nodemailer.createTransport({
        url: started.env.SMTP_URL,
        pool: true,
        maxConnections: 1,
        connectionTimeout: MAIL_WORKER.connectionTimeoutMs,
        greetingTimeout: MAIL_WORKER.connectionTimeoutMs,
        socketTimeout: MAIL_WORKER.socketTimeoutMs,
      });
      try {
        const released = await releaseHeld(started.db, started.now());
        if (released > 0) log.info(`mail worker: ${released} held message(s) released`);
      } catch (error) {
        log.error('mail worker: held messages could not be released', error);
      }
      kick();
    },
    /** Waits for the message being sent, if any; the rest stay queued for the next start. */
    async stop(): Promise<void> {
      isStopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
      transport?.close();
      transport = null;
    },
  };
}
