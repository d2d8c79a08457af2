import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectError, expectStatus } from './test/api-client';
import { ENGINES } from './test/databases';
import { startTestServer, type TestServer } from './test/harness';

/** What this test reads of the OpenAPI document. */
const OpenApiSchema = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        requestBody: z
          .object({ content: z.record(z.string(), z.object({ schema: z.unknown() })) })
          .optional(),
        responses: z.record(z.string(), z.unknown()),
      }),
    ),
  ),
});

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
    const health = await expectStatus(200, server.client().app.api.health.$get());
    expect(health).toEqual({
      status: 'ok',
      db: engine,
      database: 'up',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('documents the API from the schemas that validate it', async () => {
    const response = await server.client().raw('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    const { paths } = OpenApiSchema.parse(await response.json());
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/v1/auth/login',
        '/api/v1/clients',
        '/api/v1/clients/{id}',
        '/api/v1/changes',
        '/api/v1/feed',
        '/api/v1/staff',
        '/api/v1/alert-rules',
        '/api/v1/alerts/{id}/resolve',
      ]),
    );
    const create = paths['/api/v1/clients']?.post;
    expect(create?.requestBody?.content['application/json']?.schema).toBeDefined();
    expect(Object.keys(create?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403']),
    );
    expect(Object.keys(paths['/api/v1/clients/{id}']?.patch?.responses ?? {})).toContain('409');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    await expectError('not_found', server.client().raw('GET', '/api/v1/nothing-here'));
  });

  it('serves the client with a fallback to index.html for client-side routes', async () => {
    for (const path of ['/', '/clients', '/clients/7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f']) {
      const page = await server.client().raw('GET', path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>GestionPro</title>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
    const asset = await server.client().raw('GET', '/assets/app-abc123.js');
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });
});
