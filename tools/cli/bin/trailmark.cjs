#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx trailmark` needs no build step.
require('tsx/cjs/api').register();
require('../src/main.ts');
