import { describe, expect, it } from 'vitest';
import { describeDatabase } from './open.ts';

const described = (databaseUrl: string | undefined) =>
  describeDatabase({ databaseUrl, dataDir: '/var/meridian' });

describe('describeDatabase', () => {
  it('names the embedded database by its directory', () => {
    expect(described(undefined)).toBe('embedded PostgreSQL (PGlite) in /var/meridian');
  });

  it('names a server by host, port and database, never the password', () => {
    const text = described('postgres://meridian:s3cret@db.example.org:6432/meridian');
    expect(text).toBe('PostgreSQL at db.example.org:6432/meridian');
    expect(described('postgresql://meridian:s3cret@db.example.org/meridian')).toBe(
      'PostgreSQL at db.example.org:5432/meridian',
    );
    expect(text).not.toContain('s3cret');
  });

  it('names a Unix socket by its directory, with or without a host name before it', () => {
    expect(described('postgres://postgres@/meridian?host=/run/postgresql')).toBe(
      'PostgreSQL through the socket in /run/postgresql (port 5432)/meridian',
    );
    expect(described('postgres://postgres:pw@localhost/meridian?host=/tmp/pg&port=54329')).toBe(
      'PostgreSQL through the socket in /tmp/pg (port 54329)/meridian',
    );
  });

  it('does not fail (nor print the URL) on one it cannot read', () => {
    expect(described('postgres://user:pw@[bad/meridian')).toBe('PostgreSQL (DATABASE_URL)');
  });
});
