import { driverConfig, parseDatabaseUrl, withDatabaseName } from './database-url';

describe('parseDatabaseUrl', () => {
  it('when a full URL is given, then host, port, user, password and database are read, escapes decoded', () => {
    expect(parseDatabaseUrl('mysql://wp%40app:p%3Ass@db.local:3307/workpiece')).toEqual({
      host: 'db.local',
      port: 3307,
      user: 'wp@app',
      password: 'p:ss',
      database: 'workpiece',
      socketPath: undefined,
    });
  });

  it('when the URL names no database, then the error says what to write', () => {
    expect(() => parseDatabaseUrl('mysql://root@127.0.0.1:3306')).toThrowError(/must name a database/);
  });

  it('when MySQL 8 needs TLS or its public key, then the URL can ask for either and the driver gets it', () => {
    const strict = driverConfig(parseDatabaseUrl('mysql://u:p@db:3306/wp?ssl=true'));
    const lax = driverConfig(parseDatabaseUrl('mysql://u:p@db:3306/wp?sslaccept=accept_invalid_certs&allowPublicKeyRetrieval=true'));
    const plain = driverConfig(parseDatabaseUrl('mysql://u:p@db:3306/wp'));

    expect(strict.ssl).toEqual({ rejectUnauthorized: true });
    expect(lax.ssl).toEqual({ rejectUnauthorized: false });
    expect(lax.allowPublicKeyRetrieval).toBeTrue();
    expect(plain.ssl).toBeUndefined();
    expect(plain.allowPublicKeyRetrieval).toBeUndefined();
  });

  it('when another database name is put in, then the options stay', () => {
    expect(withDatabaseName('mysql://u@h:3306/a?ssl=true', 'b')).toBe('mysql://u@h:3306/b?ssl=true');
  });
});
