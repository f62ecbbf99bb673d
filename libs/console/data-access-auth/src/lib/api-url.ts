import { InjectionToken } from '@angular/core';

/** Base URL of the HTTP API without a trailing slash, e.g. `/api` behind the same origin. */
export const API_URL = new InjectionToken<string>('API_URL');
