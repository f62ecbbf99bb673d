import { STACK_TRACE, type TestApp, startTestApp } from './testing/test-app';
import { request } from './testing/wechat-requests';

describe('createApp', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('when the database answers, then GET /api/health is 200 { status: "ok" }', async () => {
    const res = await request(app, '/api/health');

    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.status).toBe('ok');
    expect(body.database.ok).toBeTrue();
  });

  it('when an unknown /api path is asked for, then 404 in the JSON error shape', async () => {
    const res = await request(app, '/api/nope');

    expect(res.status).toBe(404);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({ code: 'not_found', message: jasmine.stringContaining('/api/nope') });
  });

  it('when a response is sent, then it does not announce Express', async () => {
    const res = await request(app, '/api/health');

    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('when a request fails anywhere, then the body carries no stack trace', async () => {
    const replies = await Promise.all([
      request(app, '/api/nope'),
      request(app, '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      request(app, '/api/workpieces?page=0', { headers: { cookie: 'wp_session=x' } }),
      request(app, '/wechat'),
      request(app, '/wechat', { method: 'POST', body: '<xml/>' }),
    ]);

    expect(replies.map((r) => r.status)).toEqual([404, 400, 401, 401, 401]);
    for (const reply of replies) expect(reply.body).not.toMatch(STACK_TRACE);
  });
});
