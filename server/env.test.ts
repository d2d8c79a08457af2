import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('configuration from the environment', () => {
  it('has defaults that start the app on the embedded database', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMO_DATA).toBeUndefined();
    expect(env.MULTI_INSTANCE).toBe(false);
    expect(env.TRUST_PROXY).toBe(0);
  });

  it('reads TRUST_PROXY as a flag (one proxy) or a number of proxies', () => {
    expect(parseEnv({ TRUST_PROXY: 'on' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: 'off' }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
  });

  it('reads the mail server with its sender address, both optional', () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    const env = parseEnv({ SMTP_URL: 'smtps://u:p@smtp.garage.fr:465', MAIL_FROM: 'g@garage.fr' });
    expect(env).toMatchObject({
      SMTP_URL: 'smtps://u:p@smtp.garage.fr:465',
      MAIL_FROM: 'g@garage.fr',
    });
  });

  it('reads flags and numbers, and treats empty values as unset', () => {
    const env = parseEnv({ PORT: '8080', DEMO_DATA: 'off', LOG_LEVEL: 'debug', DATABASE_URL: '' });
    expect(env).toMatchObject({ PORT: 8080, DEMO_DATA: false, LOG_LEVEL: 'debug' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ ADMIN_EMAIL: 'patron@garage.fr' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'pas-un-email', ADMIN_PASSWORD: 'un-long-mot-de-passe' }, 'ADMIN_EMAIL'],
    [{ MULTI_INSTANCE: 'on' }, 'MULTI_INSTANCE'],
    [{ TRUST_PROXY: 'nginx' }, 'TRUST_PROXY'],
    [{ SMTP_URL: 'http://smtp.garage.fr' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://smtp.garage.fr:587' }, 'MAIL_FROM'],
    [{ SMTP_URL: 'smtps://smtp.garage.fr', MAIL_FROM: 'garage' }, 'MAIL_FROM'],
  ])('stops with a one-line message naming the bad variable (%o)', (source, name) => {
    expect(() => parseEnv(source)).toThrow(new RegExp(`^Invalid configuration — .*${name}`));
    try {
      parseEnv(source);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
