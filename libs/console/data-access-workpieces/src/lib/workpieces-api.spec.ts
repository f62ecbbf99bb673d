import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { WorkpieceListResponse } from '@workpiece/api-types';
import { API_URL } from '@workpiece/console-data-access-auth';
import { WorkpiecesApi } from './workpieces-api';

describe('WorkpiecesApi', () => {
  let api: WorkpiecesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: API_URL, useValue: '/api' }],
    });
    api = TestBed.inject(WorkpiecesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('when a page is asked for with search text, then the query string carries q, page and pageSize', () => {
    const page: WorkpieceListResponse = { items: [], total: 0, page: 2, pageSize: 20 };
    let received: WorkpieceListResponse | undefined;

    api.list({ q: ' 18-5 ', page: 2, pageSize: 20 }).subscribe((response) => (received = response));

    const request = http.expectOne((r) => r.url === '/api/workpieces');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('q')).toBe('18-5');
    expect(request.request.params.get('page')).toBe('2');
    expect(request.request.params.get('pageSize')).toBe('20');
    request.flush(page);
    expect(received).toEqual(page);
  });

  it('when the search text is blank, then no q is sent', () => {
    api.list({ q: '  ', page: 1, pageSize: 50 }).subscribe();

    const request = http.expectOne((r) => r.url === '/api/workpieces');
    expect(request.request.params.has('q')).toBeFalse();
    request.flush({ items: [], total: 0, page: 1, pageSize: 50 });
  });
});
