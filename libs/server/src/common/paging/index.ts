export * from './build-page';
export * from './parse-paging';
