// Shared Jest settings: SWC transforms TypeScript (type-checking is the `typecheck` target's job).
const path = require('node:path');

const ESM_ONLY_PACKAGES = ['jose', 'superjson', 'copy-anything', 'is-what', 'ua-parser-js', 'detect-europe-js', 'is-standalone-pwa', 'ua-is-frozen'];

/** @param {string} dir project root; @param {'unit'|'integration'} kind */
function jestConfig(dir, kind = 'unit') {
  const unit = kind === 'unit';
  return {
    rootDir: dir,
    displayName: `${path.basename(dir)}${unit ? '' : ':integration'}`,
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j)sx?$': [
        require.resolve('@swc/jest'),
        { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } },
      ],
    },
    // ESM-only dependencies are compiled to CommonJS like our own sources.
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    testMatch: unit ? ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx'] : ['<rootDir>/src/**/*.integration.test.ts', '<rootDir>/test/**/*.integration.test.ts'],
    testPathIgnorePatterns: unit ? ['\\.integration\\.test\\.ts$', '/node_modules/'] : ['/node_modules/'],
    testTimeout: unit ? 10_000 : 60_000,
  };
}

module.exports = { jestConfig };
