import { STACK_TRACE, type TestApp, signInCookie, startTestApp } from '../testing/test-app';
import { request } from '../testing/wechat-requests';

describe('/api/auth', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  function login(body: unknown) {
    return request(app, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('when the password is wrong, then 401 with { code, message } and no session cookie', async () => {
    const res = await login({ username: 'admin', password: 'wrong-password' });

    expect(res.status).toBe(401);
    expect(res.contentType).toMatch(/^application\/json/);
    const body = JSON.parse(res.body);
    expect(body.code).toBe('unauthenticated');
    expect(body.message).toEqual(jasmine.any(String));
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('when the user does not exist, then the same 401 as a wrong password', async () => {
    const wrongPassword = await login({ username: 'admin', password: 'wrong-password' });
    const unknownUser = await login({ username: 'nobody', password: 'wrong-password' });

    expect(unknownUser.status).toBe(401);
    expect(JSON.parse(unknownUser.body)).toEqual(JSON.parse(wrongPassword.body));
  });

  it('when the password is right, then 200 with the user and an httpOnly session cookie', async () => {
    const res = await login({ username: 'admin', password: app.adminPassword });

    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).user).toEqual(jasmine.objectContaining({ username: 'admin', role: 'admin' }));
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wp_session='));
    expect(cookie).toMatch(/^wp_session=[^;]+;/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it('when signed in, then /me names the user', async () => {
    const cookie = await signInCookie(app);

    const res = await request(app, '/api/auth/me', { headers: { cookie } });

    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).user.username).toBe('admin');
  });

  it('when the user signs out, then the old cookie no longer opens anything', async () => {
    const cookie = await signInCookie(app);
    expect((await request(app, '/api/workpieces', { headers: { cookie } })).status).toBe(200);

    const logout = await request(app, '/api/auth/logout', { method: 'POST', headers: { cookie } });
    const after = await request(app, '/api/workpieces', { headers: { cookie } });

    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().find((c) => c.startsWith('wp_session='))).toMatch(/^wp_session=;/);
    expect(after.status).toBe(401);
    expect(JSON.parse(after.body).code).toBe('unauthenticated');
  });

  it('when the login body is incomplete, then 400 naming what is missing', async () => {
    const res = await login({ username: 'admin' });

    expect(res.status).toBe(400);
    const body = JSON.parse(res.body);
    expect(body.code).toBe('validation_failed');
    expect(Object.keys(body.fields)).toContain('password');
  });

  it('when the login body is not JSON, then 400 without a stack trace', async () => {
    const res = await request(app, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "admin", ',
    });

    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).code).toBe('malformed');
    expect(res.body).not.toMatch(STACK_TRACE);
  });
});
