import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import type { CurrentUser } from '@workpiece/api-types';
import { API_URL } from './api-url';
import { AuthStore } from './auth-store';
import { errorInterceptor } from './error-interceptor';

const clerk: CurrentUser = { id: 7, username: 'wang', displayName: '王师傅', role: 'clerk' };

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;
  let snackBar: jasmine.SpyObj<MatSnackBar>;

  beforeEach(() => {
    snackBar = jasmine.createSpyObj<MatSnackBar>('MatSnackBar', ['open']);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: API_URL, useValue: '/api' },
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('when login succeeds, then the user is kept and loading ends', async () => {
    const login = store.login('wang', 'secret');
    expect(store.loading()).toBeTrue();

    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ username: 'wang', password: 'secret' });
    request.flush({ user: clerk });

    await expectAsync(login).toBeResolvedTo(clerk);
    expect(store.user()).toEqual(clerk);
    expect(store.signedIn()).toBeTrue();
    expect(store.loading()).toBeFalse();
  });

  it('when the credentials are wrong, then login rejects for the form and nobody is redirected or snack-barred', async () => {
    const navigate = spyOn(TestBed.inject(Router), 'navigate');
    const login = store.login('wang', 'wrong');

    http
      .expectOne('/api/auth/login')
      .flush({ code: 'unauthenticated', message: '用户名或密码错误' }, { status: 401, statusText: 'Unauthorized' });

    await expectAsync(login).toBeRejected();
    expect(store.user()).toBeNull();
    expect(store.loading()).toBeFalse();
    expect(navigate).not.toHaveBeenCalled();
    expect(snackBar.open).not.toHaveBeenCalled();
  });

  it('when the session cookie is valid, then loadMe returns its user', async () => {
    const me = store.loadMe();

    http.expectOne('/api/auth/me').flush({ user: clerk });

    await expectAsync(me).toBeResolvedTo(clerk);
    expect(store.user()).toEqual(clerk);
  });

  it('when nobody is signed in, then loadMe resolves to null without a redirect', async () => {
    const navigate = spyOn(TestBed.inject(Router), 'navigate');
    const me = store.loadMe();

    http
      .expectOne('/api/auth/me')
      .flush({ code: 'unauthenticated', message: '请先登录' }, { status: 401, statusText: 'Unauthorized' });

    await expectAsync(me).toBeResolvedTo(null);
    expect(store.user()).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('when logging out, then the server is told and the user is forgotten', async () => {
    const login = store.login('wang', 'secret');
    http.expectOne('/api/auth/login').flush({ user: clerk });
    await login;

    const logout = store.logout();
    const request = http.expectOne('/api/auth/logout');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });

    await logout;
    expect(store.user()).toBeNull();
  });

  it('when the server cannot be reached on logout, then the user is forgotten anyway', async () => {
    const logout = store.logout();

    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'));

    await expectAsync(logout).toBeResolved();
    expect(store.user()).toBeNull();
  });
});
