export * from './lib/auth.routes';
export * from './lib/login-page';
