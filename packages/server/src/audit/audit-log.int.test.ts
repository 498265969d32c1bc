import { createTestDatabase, type TestDatabase } from '@meridian/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from './audit-log.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('empty');
  await db.tx((q) =>
    recordAudit(q, {
      at: new Date(),
      actorUserId: null,
      actorRole: null,
      actorEmail: 'someone@example.org',
      patientId: null,
      action: 'login',
      resourceType: 'Session',
      resourceId: null,
      outcome: 'failure',
    }),
  );
});
afterAll(() => db.close());

describe('the audit trail', () => {
  it('accepts new rows', async () => {
    expect(await db.query('SELECT action FROM audit_events')).toEqual([{ action: 'login' }]);
  });

  it('rejects UPDATE, DELETE and TRUNCATE issued directly in SQL', async () => {
    await expect(db.query("UPDATE audit_events SET outcome = 'success'")).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only: DELETE/);
    await expect(db.exec('TRUNCATE audit_events')).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await db.query("SELECT outcome FROM audit_events WHERE action = 'login'")).toEqual([
      { outcome: 'failure' },
    ]);
  });
});
