export * from './lib/i18n';
export * from './lib/messages';
export * from './lib/translate-pipe';
export * from './lib/date-time-pipe';
export * from './lib/translated-title-strategy';
