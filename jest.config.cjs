/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.ts$': '<rootDir>/scripts/jest-esbuild.cjs' },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  testTimeout: 30000,
};
