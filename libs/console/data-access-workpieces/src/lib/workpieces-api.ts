import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { WorkpieceListResponse } from '@workpiece/api-types';
import { API_URL } from '@workpiece/console-data-access-auth';
import type { Observable } from 'rxjs';

/** One page of the workpiece list. */
export interface WorkpieceListParams {
  /** Search text matched against workpiece codes; blank lists everything. */
  q?: string;
  /** 1-based page number. */
  page: number;
  pageSize: number;
}

/** The workpiece endpoints of the API. */
@Injectable({ providedIn: 'root' })
export class WorkpiecesApi {
  private readonly http = inject(HttpClient);
  private readonly apiUrl = inject(API_URL);

  /** `GET /api/workpieces`, one page at a time. */
  list({ q, page, pageSize }: WorkpieceListParams): Observable<WorkpieceListResponse> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    const search = q?.trim();
    if (search) params = params.set('q', search);
    return this.http.get<WorkpieceListResponse>(`${this.apiUrl}/workpieces`, { params });
  }
}
