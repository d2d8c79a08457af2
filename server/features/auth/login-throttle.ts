import { isIPv4, isIPv6 } from 'node:net';
import { AppError } from '../../../domain/errors';
import type { Deps } from '../../deps';
import {
  countAttempt,
  deleteAttempts,
  deleteStaleAttempts,
  isKnownAddress,
  recordKnownAddress,
  returnAttempt,
} from './login-throttle.repo';

/*
 * Sign-in limits, counted in PostgreSQL before any password is hashed, so parallel guesses
 * queue on one row instead of all passing a check made before the first one was counted, and
 * every instance sees the same counts (docs/decisions/0013-login-limits-and-sessions.md).
 */

const MINUTE = 60_000;

type Limit = { max: number; windowMs: number };

export const LOGIN_LIMITS = {
  /** Wrong passwords for one account from one address: the typo-prone user is only stopped there. */
  accountAddress: { max: 5, windowMs: 15 * MINUTE },
  /** Failures from one address, whatever the account (spraying one password over many). */
  address: { max: 30, windowMs: 15 * MINUTE },
  /**
   * The account-wide ceiling over every address (OWASP ASVS 2.2.1: at most 100 failures an
   * hour per account), which the addresses the account signed in from lately do not count to.
   */
  account: { max: 100, windowMs: 60 * MINUTE },
} satisfies Record<string, Limit>;

/** An address the account signed in from within this long is spared the account-wide ceiling. */
const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE;

type Counter = Limit & {
  key: string;
  sparesKnownAddress?: boolean;
  /** On success the count starts again, instead of only getting this attempt back. */
  resetsOnSuccess?: boolean;
};

/** What one sign-in counts against, in this order (the order rows are locked in). */
export type Attempt = {
  counters: Counter[];
  email: string | null;
  address: string;
  message: (minutes: number) => string;
};

/**
 * The key of an address: IPv4 as is, IPv6 by its /64 (one subscriber's network, which hands
 * its hosts any of 2⁶⁴ addresses), unknown as one shared key.
 */
export function addressKey(address: string | null): string {
  if (!address) return 'unknown';
  const plain = address.replace(/^::ffff:/i, '').replace(/%.*$/, '');
  if (isIPv4(plain)) return plain;
  if (!isIPv6(plain)) return plain.slice(0, 64);
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

export function loginAttempt(email: string, ip: string | null): Attempt {
  const address = addressKey(ip);
  return {
    counters: [
      { key: `address:${address}`, ...LOGIN_LIMITS.address },
      {
        key: `account-address:${email} ${address}`,
        ...LOGIN_LIMITS.accountAddress,
        resetsOnSuccess: true,
      },
      { key: `account:${email}`, ...LOGIN_LIMITS.account, sparesKnownAddress: true },
    ],
    email,
    address,
    message: (minutes) => `Trop de tentatives de connexion. Réessayez dans ${minutes} min.`,
  };
}

/** A wall screen's token: only its address is counted (the token has 192 random bits). */
export function displayAttempt(ip: string | null): Attempt {
  const address = addressKey(ip);
  return {
    counters: [{ key: `address:${address}`, ...LOGIN_LIMITS.address }],
    email: null,
    address,
    message: (minutes) => `Trop de tentatives. Réessayez dans ${minutes} min.`,
  };
}

/**
 * Counts the attempt against each of its limits in one transaction, before the caller checks any
 * secret. When one is spent, throws `rate_limited` and the transaction rolls back: an attempt
 * refused unchecked counts nowhere, so hammering one account from one address does not eat the
 * account's ceiling for everyone else.
 */
export async function reserveAttempt(deps: Deps, attempt: Attempt): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    for (const counter of attempt.counters) {
      const { attempts, windowStart } = await countAttempt(
        tx,
        counter.key,
        now,
        new Date(now.getTime() - counter.windowMs),
      );
      if (attempts <= counter.max) continue;
      if (
        counter.sparesKnownAddress &&
        attempt.email &&
        (await isKnownAddress(
          tx,
          attempt.email,
          attempt.address,
          new Date(now.getTime() - KNOWN_ADDRESS_MS),
        ))
      ) {
        continue;
      }
      const waitMs = windowStart.getTime() + counter.windowMs - now.getTime();
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new AppError('rate_limited', attempt.message(Math.ceil(seconds / 60)), {
        retryAfterSeconds: seconds,
      });
    }
  });
}

/**
 * The secret was right: the attempt is given back (successes are not failures), the account's
 * count from this address starts again, and the address becomes one the account is known at.
 * One statement per row, in the order `reserveAttempt` locks them: no deadlock with it.
 */
export async function releaseAttempt(
  deps: Deps,
  attempt: Attempt,
  staffId: string | null,
): Promise<void> {
  for (const counter of attempt.counters) {
    if (counter.resetsOnSuccess) await deleteAttempts(deps.db, [counter.key]);
    else await returnAttempt(deps.db, [counter.key]);
  }
  if (staffId) await recordKnownAddress(deps.db, staffId, attempt.address, deps.now());
}

/** Counters whose longest window has passed mean nothing any more. */
export async function purgeStaleAttempts(deps: Deps): Promise<void> {
  const longest = Math.max(...Object.values(LOGIN_LIMITS).map((limit) => limit.windowMs));
  await deleteStaleAttempts(deps.db, new Date(deps.now().getTime() - longest));
}
