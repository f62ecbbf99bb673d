import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser, WorkpieceListResponse } from '@workpiece/api-types';
import { API_URL, AuthStore, errorInterceptor } from '@workpiece/console-data-access-auth';
import { languageStorageKey } from '@workpiece/console-util-i18n';
import { routes } from './app.routes';

const clerk: CurrentUser = { id: 7, username: 'wang', displayName: '王师傅', role: 'clerk' };

describe('console routes', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.removeItem(languageStorageKey);
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: API_URL, useValue: '/api' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Polls until `condition` holds: lazy chunks load in their own time before guards and pages run. */
  async function until(condition: () => boolean): Promise<void> {
    for (let waited = 0; waited < 2000 && !condition(); waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The next request to `url`, once the router has got as far as sending it. */
  async function nextRequest(url: string): Promise<TestRequest> {
    let request: TestRequest | undefined;
    await until(() => (request ??= http.match(url)[0]) !== undefined);
    return request ?? http.expectOne(url);
  }

  /** Answers the guard's session probe once it has been sent. */
  async function answerMe(user: CurrentUser | null): Promise<void> {
    const request = await nextRequest('/api/auth/me');
    if (user) request.flush({ user });
    else request.flush({ code: 'unauthenticated', message: '请先登录' }, { status: 401, statusText: 'Unauthorized' });
  }

  it('when an anonymous clerk opens the console, then the login page shows and remembers /workpieces', async () => {
    const harness = await RouterTestingHarness.create();

    await Promise.all([harness.navigateByUrl('/'), answerMe(null)]);

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fworkpieces');
    expect(harness.routeNativeElement?.querySelector('input[name="username"]')).not.toBeNull();
  });

  it('when a signed-in clerk opens the console, then the workpieces page shows inside the toolbar layout', async () => {
    const harness = await RouterTestingHarness.create();

    await Promise.all([harness.navigateByUrl('/'), answerMe(clerk)]);
    TestBed.tick();
    const list: WorkpieceListResponse = { items: [], total: 0, page: 1, pageSize: 50 };
    http.expectOne((request) => request.url === '/api/workpieces').flush(list);
    await harness.fixture.whenStable();

    const page: HTMLElement = harness.fixture.nativeElement;
    expect(TestBed.inject(Router).url).toBe('/workpieces');
    expect(page.querySelector('mat-toolbar')?.textContent).toContain('工件位置');
    expect(page.querySelector('mat-toolbar')?.textContent).toContain('王师傅');
    expect(page.querySelector('table[mat-table]')).not.toBeNull();
  });

  it('when the clerk signs out, then the server is told and the login page shows', async () => {
    const harness = await RouterTestingHarness.create();
    await Promise.all([harness.navigateByUrl('/'), answerMe(clerk)]);
    TestBed.tick();
    http.expectOne((request) => request.url === '/api/workpieces').flush({ items: [], total: 0, page: 1, pageSize: 50 });
    await harness.fixture.whenStable();

    (harness.fixture.nativeElement.querySelector('button.logout') as HTMLButtonElement).click();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    const router = TestBed.inject(Router);
    await until(() => router.url === '/login');

    expect(router.url).toBe('/login');
    expect(TestBed.inject(AuthStore).user()).toBeNull();
  });
});
