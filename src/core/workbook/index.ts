// The workbook: its contract as data, the reader, and A1 helpers.
export * from './a1';
export * from './cells';
export * from './contract';
export * from './history-reader';
export * from './reader';
export * from './tabs';
export * from './types';
