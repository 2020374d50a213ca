#!/usr/bin/env node
// The `kexie` command. TypeScript runs directly through tsx's loader, so
// there is no build step between a checkout and a running server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
