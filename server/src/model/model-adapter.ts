import type { ClassDef } from './model-types.js';

/**
 * Adapts content-model's reader output to server's ClassDef. Filled in once
 * content-model/src/model-reader.ts lands; until then it reads nothing.
 */
export function adaptModels(_reader: Record<string, unknown>, _path: string): ClassDef[] {
  return [];
}
