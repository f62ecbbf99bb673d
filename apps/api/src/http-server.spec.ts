import express from 'express';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from './http-server';

describe('createHttpServer', () => {
  it('when a request arrives, then req and res are born with the app prototypes and Express still works', async () => {
    const app = express();
    app.get('/hello', (req, res) => res.status(201).json({ who: req.query['who'], path: req.path }));
    const server = createHttpServer(app);
    const seen: boolean[] = [];
    // Runs before Express, which would otherwise re-parent both objects itself.
    server.prependListener('request', (req, res) => {
      seen.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;

      const res = await fetch(`http://127.0.0.1:${port}/hello?who=clerk`);

      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ who: 'clerk', path: '/hello' });
      expect(seen).toEqual([true, true]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
