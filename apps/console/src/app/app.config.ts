import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { API_URL, errorInterceptor } from '@workpiece/console-data-access-auth';
import { TranslatedTitleStrategy } from '@workpiece/console-util-i18n';
import { routes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([errorInterceptor])),
    { provide: API_URL, useValue: '/api' },
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
  ],
};
