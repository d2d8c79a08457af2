const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export type Logger = {
  debug: (message: string, extra?: unknown) => void;
  info: (message: string, extra?: unknown) => void;
  warn: (message: string, extra?: unknown) => void;
  error: (message: string, extra?: unknown) => void;
};

export function createLogger(level: LogLevel): Logger {
  const threshold = LEVELS[level];
  const write =
    (name: Exclude<LogLevel, 'silent'>, sink: (...args: unknown[]) => void) =>
    (message: string, extra?: unknown) => {
      if (LEVELS[name] < threshold) return;
      const line = `${new Date().toISOString()} ${name.toUpperCase()} ${message}`;
      if (extra === undefined) sink(line);
      else sink(line, extra);
    };
  return {
    debug: write('debug', console.info),
    info: write('info', console.info),
    warn: write('warn', console.warn),
    error: write('error', console.error),
  };
}
