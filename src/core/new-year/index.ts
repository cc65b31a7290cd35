// Starting a new fiscal year, and undoing it, planned from the workbook's values (pure).
export * from './common';
export * from './restore';
export * from './start';
