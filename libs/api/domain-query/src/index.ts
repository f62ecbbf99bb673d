export * from './lib/normalize-code';
export * from './lib/parse-query-text';
export * from './lib/workpiece-finder';
export * from './lib/reply-templates';
export * from './lib/truncate-utf8';
export * from './lib/near-codes';
export * from './lib/answer-query';
export * from './lib/answer-desk';
