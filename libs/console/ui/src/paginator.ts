// A separate entry point: MatPaginator drags in select, tooltip and form field, and the main
// bundle (which imports the `@workpiece/console-ui` barrel for the toolbar) must not carry them.
export * from './lib/translated-paginator-intl';
