import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { WorkpieceDto, WorkpieceListResponse } from '@workpiece/api-types';
import { API_URL } from '@workpiece/console-data-access-auth';
import { provideTranslatedPaginatorIntl } from '@workpiece/console-ui/paginator';
import { languageStorageKey } from '@workpiece/console-util-i18n';
import { WorkpiecesPage } from './workpieces-page';

function workpiece(overrides: Partial<WorkpieceDto>): WorkpieceDto {
  return {
    id: 1,
    code: '18-546',
    normalizedCode: '18-546',
    description: '侧墙',
    drawingNo: null,
    location: null,
    placedAt: null,
    placedBy: null,
    version: 1,
    updatedAt: '2026-12-01T08:00:00.000Z',
    ...overrides,
  };
}

const placed = workpiece({
  id: 1,
  code: '18-546',
  description: '侧墙组焊',
  location: { id: 3, code: 'CT-3', name: '3号', path: ['车体新厂房', '3号'] },
  placedAt: '2026-12-03T06:05:00.000Z',
  placedBy: { id: 7, displayName: '王师傅' },
});
const unplaced = workpiece({ id: 2, code: '18-547', description: null });

function page(items: WorkpieceDto[], total = items.length, pageNumber = 1): WorkpieceListResponse {
  return { items, total, page: pageNumber, pageSize: 50 };
}

describe('WorkpiecesPage', () => {
  let fixture: ComponentFixture<WorkpiecesPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.removeItem(languageStorageKey);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslatedPaginatorIntl(),
        { provide: API_URL, useValue: '/api' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WorkpiecesPage);
  });

  afterEach(() => http.verify());

  /** Runs effects so the list resource issues its request, and returns that request. */
  function nextListRequest(): TestRequest {
    TestBed.tick();
    return http.expectOne((request) => request.url === '/api/workpieces');
  }

  async function answer(request: TestRequest, response: WorkpieceListResponse): Promise<void> {
    request.flush(response);
    await fixture.whenStable();
  }

  const text = (selector: string): string[] =>
    Array.from<Element>(fixture.nativeElement.querySelectorAll(selector)).map((e) => e.textContent?.trim() ?? '');

  it('when the page opens, then it asks for the first 50 workpieces without search text', async () => {
    const request = nextListRequest();

    expect(request.request.params.get('page')).toBe('1');
    expect(request.request.params.get('pageSize')).toBe('50');
    expect(request.request.params.has('q')).toBeFalse();
    await answer(request, page([]));
  });

  it('when the server answers, then each workpiece is a row with code, description, location path, time and clerk', async () => {
    await answer(nextListRequest(), page([placed, unplaced], 2));

    expect(text('tr[mat-row]').length).toBe(2);
    expect(text('td.code-cell')).toEqual(['18-546', '18-547']);
    const firstRow = text('tr[mat-row]:first-of-type td');
    expect(firstRow[1]).toBe('侧墙组焊');
    expect(firstRow[2]).toBe('车体新厂房/3号');
    expect(firstRow[3]).toContain('2026年12月3日');
    expect(firstRow[4]).toBe('王师傅');
    expect(text('.total')).toEqual(['共 2 件']);
  });

  it('when a workpiece has no location, then its location reads 未放置', async () => {
    await answer(nextListRequest(), page([unplaced]));

    const cells = text('tr[mat-row] td');
    expect(cells[2]).toBe('未放置');
    expect(cells[1]).toBe('—');
    expect(cells[4]).toBe('—');
  });

  it('when there are no workpieces, then the empty state says so', async () => {
    await answer(nextListRequest(), page([]));

    expect(text('tr[mat-row]')).toEqual([]);
    expect(text('wp-empty-state .message')).toEqual(['还没有工件']);
  });

  it('when the clerk types a code, then after a pause one request is made with q and page 1', async () => {
    await answer(nextListRequest(), page([placed, unplaced], 120));
    const search: HTMLInputElement = fixture.nativeElement.querySelector('input[name="q"]');

    for (const typed of ['1', '18', '18-5']) {
      search.value = typed;
      search.dispatchEvent(new Event('input'));
    }
    await new Promise((resolve) => setTimeout(resolve, 350));

    const request = nextListRequest();
    expect(request.request.params.get('q')).toBe('18-5');
    expect(request.request.params.get('page')).toBe('1');
    await answer(request, page([], 0));
    expect(text('wp-empty-state .message')).toEqual(['没有编号匹配“18-5”的工件']);
  });

  it('when the clerk goes to the next page, then page 2 is requested and its rows replace the first', async () => {
    await answer(nextListRequest(), page([placed, unplaced], 120));
    expect(text('.mat-mdc-paginator-range-label')).toEqual(['第 1–50 条，共 120 条']);

    (fixture.nativeElement.querySelector('button.mat-mdc-paginator-navigation-next') as HTMLButtonElement).click();
    const request = nextListRequest();
    expect(request.request.params.get('page')).toBe('2');
    expect(request.request.params.get('pageSize')).toBe('50');
    await answer(request, page([workpiece({ id: 51, code: '19-001' })], 120, 2));

    expect(text('td.code-cell')).toEqual(['19-001']);
    expect(text('.mat-mdc-paginator-range-label')).toEqual(['第 51–100 条，共 120 条']);
  });

  it('when the list cannot be loaded, then a retry button asks again', async () => {
    nextListRequest().flush({ code: 'internal', message: '服务器错误' }, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    expect(text('wp-empty-state .message')).toEqual(['工件列表加载失败']);
    expect(text('.total')).toEqual([]);

    (fixture.nativeElement.querySelector('wp-empty-state button') as HTMLButtonElement).click();
    await answer(nextListRequest(), page([placed]));

    expect(text('td.code-cell')).toEqual(['18-546']);
  });
});
