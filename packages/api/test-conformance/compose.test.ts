import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check, createAjv, loadStandard } from './support/standards';

/** No Docker engine runs here: the deployment is checked against the Compose Specification's schema and read for its shape. */
function composeFile(): any {
  // Compose resolves YAML merge keys (<<), as the file uses them for the shared API environment.
  return parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docker-compose.yml'), 'utf8'), { merge: true });
}

describe('docker-compose.yml', () => {
  const file = composeFile();

  it('validates against the Compose Specification JSON schema', () => {
    // The file declares its dialect as https://json-schema.org/draft-07/schema, which Ajv knows under the http:// id.
    const { $schema: _dialect, ...schema } = loadStandard('compose-spec/compose-spec.json');
    const validate = createAjv('draft-07').compile(schema);
    expect(check(validate, file)).toBe('');
  });

  it('runs PostgreSQL 16 with a volume and a health check', () => {
    const db = file.services.db;
    expect(db.image).toMatch(/^postgres:16/);
    expect(db.volumes.some((v: string) => v.startsWith('pgdata:'))).toBe(true);
    expect(db.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    expect(file.volumes).toHaveProperty('pgdata');
  });

  it('runs migrations once as a job before two API replicas with health checks', () => {
    expect(file.services.migrate.restart).toBe('no');
    expect(file.services.api.deploy.replicas).toBe(2);
    expect(file.services.api.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(file.services.api.environment.MIGRATE_ON_START).toBe('false');
    expect(file.services.api.healthcheck.test.join(' ')).toMatch(/readyz/);
  });

  it('puts a reverse proxy serving the web app in front, and schedules backups', () => {
    expect(file.services.proxy.build.target).toBe('proxy');
    expect(file.services.proxy.depends_on.api.condition).toBe('service_healthy');
    expect(file.services.proxy.ports.length).toBe(1);
    expect(file.services.api.ports).toBeUndefined();
    expect(file.services.backup.command.join(' ')).toMatch(/pg_dump/);
  });

  it('takes secrets only from the environment', () => {
    const text = JSON.stringify(file);
    expect(text).toContain('${POSTGRES_PASSWORD:?');
    expect(text).not.toMatch(/POSTGRES_PASSWORD":"[^$]/);
  });
});
