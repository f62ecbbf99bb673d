export * from './lib/password';
export * from './lib/session-token';
export * from './lib/sign-in';
