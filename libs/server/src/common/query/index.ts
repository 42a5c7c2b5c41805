export * from './ast';
export * from './compiler';
export * from './errors';
export * from './literals';
export * from './order-by';
export * from './params';
export * from './parser';
export * from './schema';
