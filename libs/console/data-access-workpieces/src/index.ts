export * from './lib/workpieces-api';
