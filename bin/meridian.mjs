#!/usr/bin/env node
// Meridian's command line. Runs the TypeScript sources directly (Node 24 strips types).
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `Meridian needs Node 24 (this is Node ${process.versions.node}). Run it through npm (npm start, npx meridian), ` +
      'which uses the Node 24 that npm install put in node_modules/.bin.\n',
  );
  process.exit(1);
}
await import('../packages/server/src/cli/main.ts');
