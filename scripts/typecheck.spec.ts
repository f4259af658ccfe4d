// The Node-side TypeScript (core, content model, module sources, server, CLI, specs) must
// type-check under the strict root tsconfig: tsx strips types without checking them, so
// without this spec a type error would only show in an editor. The app is checked by ng build.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

describe('TypeScript (tsconfig.json, strict)', () => {
  it('type-checks without errors', () => {
    const root = resolve(import.meta.dirname, '..');
    const r = spawnSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'),
      '-p', 'tsconfig.json', '--noEmit'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 300_000);
});
