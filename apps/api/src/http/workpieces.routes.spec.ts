import type { WorkpieceListResponse } from '@workpiece/api-types';
import { type TestApp, signInCookie, startTestApp } from '../testing/test-app';
import { request } from '../testing/wechat-requests';

describe('/api/workpieces', () => {
  let app: TestApp;
  let cookie: string;

  beforeAll(async () => {
    app = await startTestApp();
    cookie = await signInCookie(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  function list(query = '') {
    return request(app, `/api/workpieces${query}`, { headers: { cookie } });
  }

  it('when there is no session cookie, then 401 { code, message }', async () => {
    const res = await request(app, '/api/workpieces');

    expect(res.status).toBe(401);
    const body = JSON.parse(res.body);
    expect(body.code).toBe('unauthenticated');
    expect(body.message).toEqual(jasmine.any(String));
  });

  it('when the cookie is made up, then 401', async () => {
    const res = await request(app, '/api/workpieces', { headers: { cookie: 'wp_session=forged-token' } });

    expect(res.status).toBe(401);
  });

  it('when signed in, then the list holds 18-546 with its location path', async () => {
    const res = await list();

    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as WorkpieceListResponse;
    expect(body.total).toBe(6);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(50);
    const workpiece = body.items.find((item) => item.code === '18-546');
    expect(workpiece?.location?.path).toEqual(['车体新厂房', '3号']);
    expect(body.items.find((item) => item.code === '20-001')?.location).toBeNull();
  });

  it('when a page size above the limit is asked for, then 400 with a message naming the limit', async () => {
    const res = await list('?pageSize=500');

    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.code).toBe('validation_failed');
    expect(body.message).toContain('200');
  });

  it('when the search is typed in full-width characters, then it finds the half-width codes', async () => {
    const res = await list(`?q=${encodeURIComponent('１８－５４')}`);

    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as WorkpieceListResponse;
    expect(body.items.map((item) => item.code)).toEqual(['18-546', '18-547', '18-548']);
    expect(body.total).toBe(3);
  });

  it('when a later page is asked for, then it holds the rest', async () => {
    const res = await list('?page=2&pageSize=4');

    const body = JSON.parse(res.body) as WorkpieceListResponse;
    expect(body.items.length).toBe(2);
    expect(body.page).toBe(2);
  });
});
