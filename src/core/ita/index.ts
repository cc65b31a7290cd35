// ITA rules as data per assessment year, and what the scores mean.
export * from './assess';
export * from './decimal';
export * from './question-codes';
export * from './registry';
export * from './rules-2568';
export * from './scores';
export * from './types';
