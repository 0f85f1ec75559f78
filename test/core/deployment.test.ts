import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, loadConfig } from '../../src/config.ts';

const root = new URL('../../', import.meta.url);

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'));

  it('runs the app against the PostgreSQL service, after it is healthy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db', 'proxy']);
    const app = compose.services.app;
    expect(app.depends_on.db.condition).toBe('service_healthy');
    expect(app.environment.DATABASE_URL).toMatch(/^postgres:\/\/ita:.*@db:5432\/ita$/);
    expect(app.environment.HOST).toBe('0.0.0.0');
    expect(app.build).toBe('.');
  });

  it('scales (--scale app=3): only the proxy publishes a port, and it spreads requests over every app instance', () => {
    expect(compose.services.app.ports).toBeUndefined();
    expect(compose.services.proxy.ports).toEqual(['${APP_PORT:-3000}:3000']);
    const mount = compose.services.proxy.volumes.find((v: string) => v.endsWith(':/etc/caddy/Caddyfile:ro'));
    const caddyfile = readFileSync(new URL(mount.split(':')[0], root), 'utf8');
    expect(caddyfile).toMatch(/^:3000 \{/m);
    // Every address Docker's DNS gives for the service, refreshed: instances that come and go are found.
    expect(caddyfile).toMatch(/dynamic a \{\s+name app\s+port 3000/);
  });

  it('passes every setting of the configuration through to the container (unset stays unset), and the README lists each', () => {
    const source = readFileSync(new URL('src/config.ts', root), 'utf8');
    const settings = [...source.matchAll(/^ {4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(settings.length).toBeGreaterThan(30);
    const passed = Object.keys(compose.services.app.environment);
    // DATA_DIR is the image's (the embedded database is not used next to PostgreSQL).
    expect(settings.filter((k) => k !== 'DATA_DIR' && !passed.includes(k))).toEqual([]);
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(settings.filter((k) => !readme.includes(`\`${k}\``))).toEqual([]);
  });

  it('gives the database a healthcheck and a persistent volume', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^postgres:\d+/);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(db.volumes[0]).toMatch(/^pgdata:/);
    expect(compose.volumes).toHaveProperty('pgdata');
  });

  it('passes only settings the app understands', () => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(compose.services.app.environment as Record<string, string | null>)) {
      // A setting without a value comes from the shell or .env, or stays unset.
      if (v !== null) env[k] = String(v).replace(/\$\{[^}]*:-([^}]*)\}/g, '$1');
    }
    const config = loadConfig(env);
    expect(config.database.url).toContain('@db:5432/ita');
    expect(config.host).toBe('0.0.0.0');
  });
});

describe('configuration', () => {
  it('starts with no settings at all: embedded database, offline LINE', () => {
    const c = loadConfig({});
    expect(c.database.url).toBeUndefined();
    expect(c.database.dataDir).toBe('./data');
    expect(c.port).toBe(3000);
    expect(c.line.offline).toBe(true);
  });

  it('names the bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL/);
    expect(() => loadConfig({ LINE_CHANNEL_SECRET: 'abc' })).toThrowError(/LINE_CHANNEL_ACCESS_TOKEN/);
  });

  it('refuses offline mode while LINE credentials are set', () => {
    try {
      loadConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', OFFLINE_MODE: 'true' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.join()).toMatch(/OFFLINE_MODE/);
    }
    expect(loadConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', PUBLIC_BASE_URL: 'https://ita.example.go.th' }).line.offline).toBe(false);
  });

  it('runs the inbox worker on a thread of its own with PostgreSQL, and refuses that with the embedded PGlite', () => {
    expect(loadConfig({}).inbox.workerThread).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/ita' }).inbox.workerThread).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/ita', INBOX_WORKER_THREAD: 'false' }).inbox.workerThread).toBe(false);
    expect(() => loadConfig({ INBOX_WORKER_THREAD: 'true' })).toThrowError(/INBOX_WORKER_THREAD=true needs DATABASE_URL/);
  });

  it('is frozen', () => {
    const c = loadConfig({});
    expect(Object.isFrozen(c) && Object.isFrozen(c.line)).toBe(true);
  });
});
