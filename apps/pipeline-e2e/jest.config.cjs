const base = require('../../jest.preset.cjs').jestConfig(__dirname, 'integration');
module.exports = { ...base, displayName: 'pipeline-e2e', testMatch: ['<rootDir>/src/**/*.e2e.test.ts'], testTimeout: 120_000 };
