import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser } from '@workpiece/api-types';
import { API_URL } from './api-url';
import { authGuard } from './auth-guard';

const clerk: CurrentUser = { id: 7, username: 'wang', displayName: '王师傅', role: 'clerk' };

@Component({ selector: 'wp-protected', template: '<p>workpieces</p>' })
class Protected {}

@Component({ selector: 'wp-login', template: '<p>login</p>' })
class Login {}

describe('authGuard', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: Login },
          { path: 'workpieces', component: Protected, canActivate: [authGuard] },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: API_URL, useValue: '/api' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Flushes `/api/auth/me` as soon as the guard asks, while the navigation waits for it. */
  async function answerMe(status: 200 | 401): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    const request = http.expectOne('/api/auth/me');
    if (status === 200) request.flush({ user: clerk });
    else request.flush({ code: 'unauthenticated', message: '请先登录' }, { status, statusText: 'Unauthorized' });
  }

  it('when nobody is signed in, then the guard sends the clerk to /login with the intended URL', async () => {
    const harness = await RouterTestingHarness.create();

    await Promise.all([harness.navigateByUrl('/workpieces?q=18'), answerMe(401)]);

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fworkpieces%3Fq%3D18');
  });

  it('when the session cookie belongs to a user, then the page opens', async () => {
    const harness = await RouterTestingHarness.create();

    await Promise.all([harness.navigateByUrl('/workpieces'), answerMe(200)]);

    expect(TestBed.inject(Router).url).toBe('/workpieces');
    expect(harness.routeNativeElement?.textContent).toContain('workpieces');
  });
});
