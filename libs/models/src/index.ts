export * from './data-types';
export * from './enums';
export * from './company';
export * from './integration';
export * from './accounting';
export * from './push-option';
