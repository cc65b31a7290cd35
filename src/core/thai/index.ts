// Thai text toolkit: digits, numbers, Buddhist-Era dates, normalisation, local-office names.
export * from './calendar';
export * from './cell-values';
export * from './date-format';
export * from './date-parse';
export * from './digits';
export * from './months';
export * from './normalize';
export * from './numbers';
export * from './organisation';
export * from './similarity';
