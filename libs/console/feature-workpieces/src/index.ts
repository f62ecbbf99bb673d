export * from './lib/workpieces.routes';
export * from './lib/workpieces-page';
