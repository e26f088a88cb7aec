import { databaseNameOf, redactUrl, withDatabaseName } from './database-admin';

describe('connection string helpers', () => {
  it('reads and replaces the database name, keeping credentials and options', () => {
    const url = 'postgresql://app:s3cret@db.internal:6543/trailmark?sslmode=require';
    expect(databaseNameOf(url)).toBe('trailmark');
    expect(withDatabaseName(url)).toBe('postgresql://app:s3cret@db.internal:6543/postgres?sslmode=require');
    expect(databaseNameOf(withDatabaseName(url, 'trailmark_test_1'))).toBe('trailmark_test_1');
  });

  it('refuses a URL without a database and hides passwords', () => {
    expect(() => databaseNameOf('postgresql://127.0.0.1:5432')).toThrow(/No database name/);
    expect(redactUrl('postgresql://app:s3cret@h/db')).toBe('postgresql://app:***@h/db');
  });
});
