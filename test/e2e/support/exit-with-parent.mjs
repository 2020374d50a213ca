// Preloaded (node --import) into a browser test's kexie server: when the test
// process that started it goes, even killed without warning, its end of the
// server's stdin closes, and the server exits and removes its temporary data
// directory rather than outliving the run.
import fs from 'node:fs';

process.stdin.on('end', () => {
  const dataDir = process.env.KEXIE_E2E_REMOVE_ON_EXIT;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
process.stdin.resume();
