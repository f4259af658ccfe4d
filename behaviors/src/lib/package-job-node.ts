/**
 * A disc job (issue 15, R23.1) as a ScriptNode holds it, read as both hosts read it
 * (webscripts/src/evidence-packages/package-json.ts): for the record guard, which lets only the
 * worker holding the job write a package's image (core's checkJobUpload). A recording's
 * onContentRead reads the jobs through the port (webscripts/src/access-requests/content-read.ts).
 */
import type { PackageJob } from '../../../core/src/index.js';
import {
  JOB_PROPERTIES, jobOf, type JobNodeLike,
} from '../../../webscripts/src/evidence-packages/package-json.js';
import type { ScriptNodeLike } from './acs-api.js';
import { nodeProp } from './model-names.js';
import { nodeAspects } from './record-owner.js';

/** The node's type, aspects and job properties (dates as ISO, numbers as numbers). */
function jobNode(node: ScriptNodeLike): JobNodeLike & { type: string } {
  const props: Record<string, unknown> = {};
  for (const k of JOB_PROPERTIES) props[k] = nodeProp(node, k);
  return { type: String(node.typeShort), aspects: nodeAspects(node), props };
}

/** The job of a package node, or null for a package made before jobs existed. */
export function jobOfNode(node: ScriptNodeLike): PackageJob | null {
  return jobOf(jobNode(node));
}
