export * from './lib/errors';
export * from './lib/health';
export * from './lib/auth';
export * from './lib/workpieces';
