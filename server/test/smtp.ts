import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An SMTP refusal with a code, as smtp-server answers it. */
function refusal(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * A real SMTP server on loopback (smtp-server), each message parsed back with mailparser.
 * `isRefusing` makes it answer 451 to every recipient, `refusals` answers one recipient's
 * address with its code (550, 451…); `stop()` then `start()` takes it down and brings it back
 * on the same port.
 */
export async function startSmtpServer() {
  const received: ParsedMail[] = [];
  const listeners = new Set<() => void>();
  const state = { isRefusing: false, refusals: new Map<string, number>() };
  let port = 0;
  let server: SMTPServer;

  async function listen(): Promise<void> {
    server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: no self-signed STARTTLS for nodemailer to refuse.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Down means down: the worker's kept-open connection is cut, not waited for.
      closeTimeout: 100,
      onRcptTo: (address, _session, callback) => {
        const code = state.refusals.get(address.address) ?? (state.isRefusing ? 451 : undefined);
        if (code === undefined) return callback(null);
        callback(
          refusal(code >= 500 ? 'Adresse inconnue' : 'Boîte pleine, réessayez plus tard', code),
        );
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
            for (const listener of listeners) listener();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
  }
  await listen();

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    /** Resolves once `count` messages in all have been received. */
    waitForMessages(count: number, timeoutMs = 10_000): Promise<ParsedMail[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(received);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${received.length} of ${count} messages received in ${timeoutMs} ms`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: listen,
  };
}

export type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;
