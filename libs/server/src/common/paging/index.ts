export * from './build-page';
export * from './parse-paging';
export * from './page-query';
