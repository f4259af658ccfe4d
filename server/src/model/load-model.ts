import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModelSet } from './model-types.js';

/** Root of the checkout (server/src/model → ../../..). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

/**
 * Loads the content models with content-model's reader (`content-model/src/model-reader.ts`)
 * from `alfresco-base-model.xml` and `efr-model.xml`. The reader is imported by path at run
 * time so that server/ keeps working (with its built-in cm/sys subset) while the model is
 * absent; its output is adapted to server's ModelSet in model-adapter.ts.
 */
export async function loadModels(root = REPO_ROOT): Promise<ModelSet> {
  const reader = resolve(root, 'content-model/src/model-reader.ts');
  const classes = new Map<string, import('./model-types.js').ClassDef>();
  if (!existsSync(reader)) return { classes };
  const { adaptModels } = await import('./model-adapter.js');
  const mod = (await import(pathToFileURL(reader).href)) as Record<string, unknown>;
  const named = new Map();
  for (const file of ['content-model/alfresco-base-model.xml', 'content-model/efr-model.xml']) {
    const path = resolve(root, file);
    if (!existsSync(path)) continue;
    for (const c of adaptModels(mod, path, named)) classes.set(c.name, c);
  }
  return { classes };
}
