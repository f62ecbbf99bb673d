export * from './lib/api-url';
export * from './lib/api-error';
export * from './lib/auth-store';
export * from './lib/auth-guard';
export * from './lib/error-interceptor';
