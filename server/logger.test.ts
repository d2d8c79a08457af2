import { format } from 'node:util';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, describeError } from './logger';

const HASH = 'scrypt$16384$8$1$c2VsLWRlLXRlc3Q=$aGFjaGUtZGUtdGVzdA==';

/** A failed statement as Drizzle reports it, over PostgreSQL's own error for the failing row. */
function failedUpdate(): DrizzleQueryError {
  const cause = Object.assign(new Error('new row for relation "staff" violates check constraint'), {
    code: '23514',
    constraint: 'staff_check',
    table: 'staff',
    detail: `Failing row contains (1, a@garage.test, ${HASH}).`,
  });
  return new DrizzleQueryError(
    'update "staff" set "password_hash" = $1 where "staff"."id" = $2',
    [HASH, '1'],
    cause,
  );
}

describe('the logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('describes a failed statement by its SQL, code and constraint, never its parameters or row', () => {
    const text = describeError(failedUpdate());
    expect(text).toContain('update "staff" set "password_hash" = $1');
    expect(text).toContain('code=23514');
    expect(text).toContain('constraint=staff_check');
    expect(text).not.toContain(HASH);
    expect(text).not.toContain('Failing row');
  });

  it('strips the parameters from a message built out of such an error, at every level', () => {
    const lines: string[] = [];
    for (const method of ['error', 'warn', 'info'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(format(...args));
      });
    }
    const log = createLogger('debug');
    log.warn(`[req] ${failedUpdate().message}`);
    log.error('request failed', failedUpdate());
    log.info(`socket handshake: ${String(failedUpdate())}`);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toContain('update "staff"');
      expect(line).not.toContain(HASH);
    }
  });
});
