import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router } from '@angular/router';
import type { ApiErrorBody } from '@workpiece/api-types';
import { handlesOwnErrors } from './api-error';
import { AuthStore } from './auth-store';
import { API_URL } from './api-url';
import { errorInterceptor } from './error-interceptor';

@Component({ template: '' })
class Blank {}

describe('errorInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let router: Router;
  let snackBar: jasmine.SpyObj<MatSnackBar>;

  beforeEach(() => {
    snackBar = jasmine.createSpyObj<MatSnackBar>('MatSnackBar', ['open']);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'workpieces', component: Blank },
          { path: 'login', component: Blank },
        ]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: API_URL, useValue: '/api' },
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  it('when a request answers 401, then the clerk is sent to /login with the page to come back to', async () => {
    await router.navigateByUrl('/workpieces?q=18-5');
    const navigate = spyOn(router, 'navigate').and.resolveTo(true);
    const failed = jasmine.createSpy('error');

    client.get('/api/workpieces').subscribe({ error: failed });
    http
      .expectOne('/api/workpieces')
      .flush({ code: 'unauthenticated', message: '请先登录' }, { status: 401, statusText: 'Unauthorized' });

    expect(navigate).toHaveBeenCalledOnceWith(['/login'], { queryParams: { returnUrl: '/workpieces?q=18-5' } });
    expect(snackBar.open).not.toHaveBeenCalled();
    expect(failed).toHaveBeenCalled();
  });

  it('when a 401 arrives, then the signed-in user is forgotten', () => {
    const auth = TestBed.inject(AuthStore);
    spyOn(auth, 'clear').and.callThrough();
    spyOn(router, 'navigate').and.resolveTo(true);

    client.get('/api/workpieces').subscribe({ error: () => undefined });
    http.expectOne('/api/workpieces').flush(null, { status: 401, statusText: 'Unauthorized' });

    expect(auth.clear).toHaveBeenCalled();
  });

  it('when the server answers an error body, then its message is shown in a snack bar and the error still reaches the caller', () => {
    const body: ApiErrorBody = { code: 'conflict', message: '工件已被他人修改，请刷新后重试' };
    const failed = jasmine.createSpy('error');

    client.get('/api/workpieces').subscribe({ error: failed });
    http.expectOne('/api/workpieces').flush(body, { status: 409, statusText: 'Conflict' });

    expect(snackBar.open).toHaveBeenCalledOnceWith(body.message, '关闭', jasmine.objectContaining({ duration: 6000 }));
    expect(failed).toHaveBeenCalled();
  });

  it('when the network fails, then the snack bar says so in Chinese', () => {
    client.get('/api/workpieces').subscribe({ error: () => undefined });
    http.expectOne('/api/workpieces').error(new ProgressEvent('error'));

    expect(snackBar.open).toHaveBeenCalledOnceWith('网络错误，请稍后重试', '关闭', jasmine.any(Object));
  });

  it('when a proxy answers 502 with an HTML page, then the generic message is shown', () => {
    client.get('/api/workpieces').subscribe({ error: () => undefined });
    http.expectOne('/api/workpieces').flush('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    expect(snackBar.open).toHaveBeenCalledOnceWith('网络错误，请稍后重试', '关闭', jasmine.any(Object));
  });

  it('when the request handles its own errors, then neither redirect nor snack bar happens', () => {
    const navigate = spyOn(router, 'navigate');

    client.get('/api/auth/me', { context: handlesOwnErrors() }).subscribe({ error: () => undefined });
    http.expectOne('/api/auth/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    client.get('/api/x', { context: handlesOwnErrors() }).subscribe({ error: () => undefined });
    http.expectOne('/api/x').flush({ code: 'internal', message: 'boom' }, { status: 500, statusText: 'Error' });

    expect(navigate).not.toHaveBeenCalled();
    expect(snackBar.open).not.toHaveBeenCalled();
  });
});
