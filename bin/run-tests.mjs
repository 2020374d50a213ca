// Temporary alias of `npm test` while scripts move; see test/run-all.ts.
import { spawnSync } from 'node:child_process';
const result = spawnSync(process.execPath, ['--import', 'tsx', new URL('../test/run-all.ts', import.meta.url).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
