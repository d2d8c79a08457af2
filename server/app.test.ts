import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './test/databases';
import { startTestServer, type TestServer } from './test/harness';

describe.each(ENGINES)('the HTTP app on %s', (engine) => {
  let server: TestServer;
  const clientDir = mkdtempSync(join(tmpdir(), 'gp-client-'));

  beforeAll(async () => {
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>GestionPro</title>');
    writeFileSync(join(clientDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    server = await startTestServer(engine, { CLIENT_DIR: clientDir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('reports its health, database kind and version', async () => {
    const { status, body } = await server.client().get('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      db: engine,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('documents the API from the schemas that validate it', async () => {
    const { status, body } = await server.client().get('/api/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/v1/auth/login',
        '/api/v1/clients',
        '/api/v1/clients/{id}',
        '/api/v1/changes',
        '/api/v1/staff',
      ]),
    );
    const create = body.paths['/api/v1/clients'].post;
    expect(create.requestBody.content['application/json'].schema).toBeDefined();
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403']),
    );
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const { status, body } = await server.client().get('/api/v1/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('serves the client with a fallback to index.html for client-side routes', async () => {
    for (const path of ['/', '/clients', '/clients/7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f']) {
      const { status, body, headers } = await server.client().get(path);
      expect(status).toBe(200);
      expect(body).toContain('<title>GestionPro</title>');
      expect(headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await server.client().get('/assets/app-abc123.js');
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });
});
