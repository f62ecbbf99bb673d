import * as mariadb from 'mariadb';
import { createServer } from 'node:net';
import { isLostConnectionError } from './prisma-client';

/** A TCP port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('isLostConnectionError', () => {
  it('when the driver cannot reach the server, then its error counts as a lost connection', async () => {
    const port = await closedPort();

    const error = await mariadb.createConnection({ host: '127.0.0.1', port, connectTimeout: 1000 }).then(
      () => new Error('connected to a closed port'),
      (e: unknown) => e,
    );

    expect(isLostConnectionError(error)).toBeTrue();
  });

  it('when the driver reports a connection closed mid-setup, then that counts as a lost connection', () => {
    const closed = new mariadb.SqlError("setting timezone '+00:00' fails on server.", undefined, true, undefined, '08S01', 45033);

    expect(isLostConnectionError(closed)).toBeTrue();
  });

  it('when the error is a failed statement or not from the driver at all, then it does not', () => {
    const statementError = new mariadb.SqlError('Duplicate entry', 'INSERT …', false, undefined, '23000', 1062);

    expect(isLostConnectionError(statementError)).toBeFalse();
    expect(isLostConnectionError(new Error('fatal'))).toBeFalse();
    expect(isLostConnectionError({ fatal: true, sqlState: 'HY000' })).toBeFalse();
  });
});
