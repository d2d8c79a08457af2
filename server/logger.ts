const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export type Logger = {
  debug: (message: string, extra?: unknown) => void;
  info: (message: string, extra?: unknown) => void;
  warn: (message: string, extra?: unknown) => void;
  error: (message: string, extra?: unknown) => void;
};

/**
 * What a failed statement must not leave in a log: Drizzle writes its parameters into the error's
 * message (`\nparams: …`, last) and `params`, and PostgreSQL's `detail` quotes the failing row
 * ("Failing row contains (…)"). Those are password hashes, session ids, display-token hashes,
 * customers' data: never logged, whatever the statement (docs/decisions/0013-login-limits-and-sessions.md).
 * The SQL text (placeholders only), the code and the constraint stay: they are what one debugs with.
 */
const PARAMS_IN_MESSAGE = /\nparams: [\s\S]*$/;

export function redactMessage(message: string): string {
  return message.replace(PARAMS_IN_MESSAGE, '\nparams: [not logged]');
}

/** The fields of a driver's error that name what failed without quoting any value. */
const SAFE_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'routine'] as const;

/** An error as one safe text: name, message without parameters, safe fields, stack frames, causes. */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return redactMessage(String(error));
  const fields = error as unknown as Record<string, unknown>;
  const parts = [`${error.name}: ${redactMessage(error.message)}`];
  const known = SAFE_FIELDS.filter((field) => typeof fields[field] === 'string').map(
    (field) => `${field}=${String(fields[field])}`,
  );
  if (known.length > 0) parts.push(`  (${known.join(', ')})`);
  // The stack's first lines repeat the message (parameters included): only its frames.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  parts.push(...frames.slice(0, 12));
  if (error.cause !== undefined && depth < 4) {
    parts.push(`caused by ${describeError(error.cause, depth + 1)}`);
  }
  return parts.join('\n');
}

/** Looked up at each call, so a test watching `console` sees what the logger prints. */
const SINKS = {
  info: (...args: unknown[]) => console.info(...args),
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => console.error(...args),
};

export function createLogger(level: LogLevel): Logger {
  const threshold = LEVELS[level];
  const write =
    (name: Exclude<LogLevel, 'silent'>, method: keyof typeof SINKS) =>
    (message: string, extra?: unknown) => {
      if (LEVELS[name] < threshold) return;
      const line = `${new Date().toISOString()} ${name.toUpperCase()} ${redactMessage(message)}`;
      if (extra === undefined) SINKS[method](line);
      else SINKS[method](line, extra instanceof Error ? describeError(extra) : extra);
    };
  return {
    debug: write('debug', 'info'),
    info: write('info', 'info'),
    warn: write('warn', 'warn'),
    error: write('error', 'error'),
  };
}
