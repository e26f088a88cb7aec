// Bundles a Node app's TypeScript with its workspace libs; third-party packages stay external
// and resolve from node_modules at run time.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const [entry = 'src/main.ts', outfile = 'dist/main.js'] = process.argv.slice(2);

const externalThirdParty = {
  name: 'external-third-party',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@trailmark/') ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: [resolve(entry)],
  outfile: resolve(outfile),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [externalThirdParty],
});
