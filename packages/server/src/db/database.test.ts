import { describe, expect, it } from 'vitest';
import { mayWrite } from './database.ts';

describe('mayWrite', () => {
  it('takes SELECT, SHOW, EXPLAIN, VALUES and a WITH query that only selects as reads', () => {
    for (const sql of [
      'SELECT 1',
      '  select * from patients where id = $1',
      'SHOW timezone',
      'EXPLAIN SELECT 1',
      'VALUES (1)',
      'WITH t AS (SELECT id FROM patients) SELECT * FROM t',
      '\n  WITH RECURSIVE d(n) AS (VALUES (1)) SELECT n FROM d',
    ])
      expect(mayWrite(sql), sql).toBe(false);
  });

  it('takes everything else as a write, a WITH query that changes rows included', () => {
    for (const sql of [
      'INSERT INTO t VALUES (1)',
      'UPDATE t SET a = 1',
      'DELETE FROM t',
      'BEGIN',
      'CREATE TABLE t (a int)',
      'WITH moved AS (DELETE FROM t RETURNING *) SELECT count(*) FROM moved',
      'WITH n AS (SELECT 1) INSERT INTO t SELECT * FROM n',
      'with x as (update t set a = 2 returning a) select a from x',
    ])
      expect(mayWrite(sql), sql).toBe(true);
  });
});
