export * from './lib/page-header';
export * from './lib/empty-state';
export * from './lib/language-toggle';
