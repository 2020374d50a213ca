#!/usr/bin/env node
// The `kexie` command. TypeScript runs directly through tsx's loader, so
// there is no build step between a checkout and a running server.
import { register } from 'tsx/esm/api';

// A reader that stops early (`kexie org list | head`) closes the pipe: the rest
// of the output goes nowhere, and the command still finishes what it was doing
// (an import piped into head is not cut off halfway) and exits as it would.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
  process.stdout.write = (_chunk, encodingOrDone, done) => {
    (typeof encodingOrDone === 'function' ? encodingOrDone : done)?.();
    return true;
  };
});

register();
await import('../src/cli.ts');
