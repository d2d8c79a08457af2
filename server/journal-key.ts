import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getKeyId, type Keyring } from '../domain/journal/chain';
import { type Env, readPrivateKey } from './env';
import type { Logger } from './logger';

/** The journal's signing key, as the services use it (decision 0018). */
export type JournalKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  /** The public keys a verification accepts, by id. */
  keyring: Keyring;
};

export const JOURNAL_KEY_FILE = 'journal-signing-key.pem';

export function toJournalKey(privateKey: KeyObject): JournalKey {
  const publicKey = createPublicKey(privateKey);
  const keyId = getKeyId(publicKey);
  return { privateKey, publicKey, keyId, keyring: new Map([[keyId, publicKey]]) };
}

/**
 * JOURNAL_SIGNING_KEY when set; else the key kept in DATA_DIR, made on first start (0600). An
 * in-memory database gets a key for the process's lifetime, as its journal has.
 */
export function loadJournalKey(env: Env, log: Logger): JournalKey {
  if (env.JOURNAL_SIGNING_KEY) return toJournalKey(readPrivateKey(env.JOURNAL_SIGNING_KEY));
  if (env.DATA_DIR.startsWith('memory://')) {
    return toJournalKey(generateKeyPairSync('ed25519').privateKey);
  }
  const file = join(env.DATA_DIR, JOURNAL_KEY_FILE);
  if (existsSync(file)) return toJournalKey(readPrivateKey(readFileSync(file, 'utf8')));
  mkdirSync(env.DATA_DIR, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: 0o600,
    flag: 'wx',
  });
  log.warn(
    `journal signing key created in ${file}: keep a copy (or set JOURNAL_SIGNING_KEY), the journal's signatures are checked against it`,
  );
  return toJournalKey(privateKey);
}
