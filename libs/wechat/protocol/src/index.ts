export * from './lib/errors';
export * from './lib/signature';
export * from './lib/crypto';
export * from './lib/xml';
export * from './lib/message';
export * from './lib/reply';
export * from './lib/verify';
