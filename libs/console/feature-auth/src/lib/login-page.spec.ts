import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { CurrentUser } from '@workpiece/api-types';
import { API_URL, AuthStore } from '@workpiece/console-data-access-auth';
import { languageStorageKey } from '@workpiece/console-util-i18n';
import { LoginPage } from './login-page';

const clerk: CurrentUser = { id: 7, username: 'wang', displayName: '王师傅', role: 'clerk' };

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let navigateByUrl: jasmine.Spy<Router['navigateByUrl']>;

  beforeEach(async () => {
    localStorage.removeItem(languageStorageKey);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: API_URL, useValue: '/api' }],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const element = <T extends Element>(selector: string): T => fixture.nativeElement.querySelector(selector) as T;

  function fillIn(username: string, password: string): void {
    for (const [name, value] of [['username', username], ['password', password]]) {
      const input = element<HTMLInputElement>(`input[name="${name}"]`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }

  /** Lets the login promise settle after the request was answered. */
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('when the form is shown, then both inputs have visible labels and the button submits', () => {
    const labels = Array.from<Element>(fixture.nativeElement.querySelectorAll('mat-label')).map((l) => l.textContent?.trim());

    expect(labels).toEqual(['用户名', '密码']);
    expect(element<HTMLInputElement>('input[name="password"]').type).toBe('password');
    expect(element<HTMLButtonElement>('button[type="submit"]').textContent?.trim()).toBe('登录');
  });

  it('when valid credentials are submitted, then they are posted and the clerk goes to the intended page', async () => {
    fixture.componentRef.setInput('returnUrl', '/workpieces?q=18');
    fillIn(' wang ', 'secret');

    element<HTMLButtonElement>('button[type="submit"]').click();
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ username: 'wang', password: 'secret' });
    request.flush({ user: clerk });
    await settle();

    expect(TestBed.inject(AuthStore).user()).toEqual(clerk);
    expect(navigateByUrl).toHaveBeenCalledOnceWith('/workpieces?q=18');
  });

  it('when the return URL points off-site, then the clerk lands on the workpieces instead', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example/phish');
    fillIn('wang', 'secret');

    element<HTMLButtonElement>('button[type="submit"]').click();
    http.expectOne('/api/auth/login').flush({ user: clerk });
    await settle();

    expect(navigateByUrl).toHaveBeenCalledOnceWith('/workpieces');
  });

  it('when the server rejects the credentials, then its message is shown in the form', async () => {
    fillIn('wang', 'wrong');

    element<HTMLButtonElement>('button[type="submit"]').click();
    http
      .expectOne('/api/auth/login')
      .flush({ code: 'unauthenticated', message: '用户名或密码错误' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    await fixture.whenStable();

    const alert = element<HTMLElement>('[role="alert"]');
    expect(alert.textContent?.trim()).toBe('用户名或密码错误');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('when the server cannot be reached, then the form says it was the network', async () => {
    fillIn('wang', 'secret');

    element<HTMLButtonElement>('button[type="submit"]').click();
    http.expectOne('/api/auth/login').error(new ProgressEvent('error'));
    await settle();
    await fixture.whenStable();

    expect(element<HTMLElement>('[role="alert"]').textContent?.trim()).toBe('网络错误，请稍后重试');
  });

  it('when the fields are empty, then nothing is sent and both fields say what is missing', async () => {
    element<HTMLButtonElement>('button[type="submit"]').click();
    await fixture.whenStable();

    http.expectNone('/api/auth/login');
    const errors = Array.from<Element>(fixture.nativeElement.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['请输入用户名', '请输入密码']);
  });
});
