/**
 * A generated document (issue 15: the destruction register, R22.1) is a permanent record:
 * core's checkDocumentChange, the rule server/'s hooks apply too (server/src/rules/efr-rules.ts).
 * Its content is written once, by the worker holding its job (PUT /nodes/{id}/content sets
 * cm:content through NodeService#setProperty, which fires onUpdateProperties); its job
 * properties change only in EFR's job steps; its name, order, owner and aspects never change,
 * and it is never deleted, moved, copied or locked, whoever asks: an administrator, and System
 * through the generic API too (only a transaction an EFR web script marked is a step here,
 * lib/workflow-step.ts, not any act as System).
 *
 * Bound by context/efr-document-guard-context.xml to the aspect efr:packageJob
 * (ClassPolicyRegistration: ACS's ClassPolicyDelegate fires a class policy for the node's type
 * and each of its aspects), so evidence discs and fixity rounds reach it too and pass: the rule
 * concerns `cm:content` nodes with that aspect only (core's isGeneratedDocument).
 */
import { checkDocumentChange, isGeneratedDocument } from '../../../core/src/index.js';
import type { DocumentChange } from '../../../core/src/index.js';
import { JOB_PROPERTIES, jobOf } from '../../../webscripts/src/evidence-packages/package-json.js';
import { currentBehaviour } from '../lib/acs-api.js';
import type { ScriptNodeLike } from '../lib/acs-api.js';
import { currentActor } from '../lib/actor.js';
import { nowIso } from '../lib/clock.js';
import { efrWarn } from '../lib/efr-log.js';
import { qnameMapToProps, samePlain, type PlainProps } from '../lib/java-values.js';
import { NAMESPACES, nodeId, nodeProp } from '../lib/model-names.js';
import { nodeAspects } from '../lib/record-owner.js';
import { enforce } from '../lib/refusal.js';
import { isWorkflowStep } from '../lib/workflow-step.js';
import { hasContentNow } from '../lib/disposal.js';

/** `{uri}local` → `prefix:local` for the prefixes the behaviours know; others as they are. */
function shortName(full: string): string {
  for (const prefix of Object.keys(NAMESPACES)) {
    const head = '{' + NAMESPACES[prefix] + '}';
    if (full.indexOf(head) === 0) return prefix + ':' + full.substring(head.length);
  }
  return full;
}

/** Plain props keyed `{uri}local` → keyed `prefix:local`. */
function shortProps(props: PlainProps): PlainProps {
  const out: PlainProps = {};
  for (const k of Object.keys(props)) out[shortName(k)] = props[k];
  return out;
}

/** Decides `change` of `node` as it stands in `props` (short names); refuses and logs. */
function decide(node: ScriptNodeLike, props: PlainProps, hasContent: boolean,
  change: DocumentChange, what: string): void {
  const type = String(node.typeShort);
  const aspects = nodeAspects(node);
  if (!isGeneratedDocument(type, aspects)) return;
  const actor = currentActor();
  enforce(checkDocumentChange({ job: jobOf({ aspects, props }), hasContent }, change,
    { actor, workflowStep: isWorkflowStep(), now: nowIso() }),
  what + ' of generated document ' + nodeId(node) + ' by ' + actor.userName);
}

/** Decides `change` of `node` as it stands now. */
function decideNow(node: ScriptNodeLike, change: DocumentChange, what: string): void {
  const props: PlainProps = {};
  for (const k of JOB_PROPERTIES) props[k] = nodeProp(node, k);
  // cm:content is a raw ScriptContentData here (lib/disposal.ts hasContentNow).
  decide(node, props, hasContentNow(node), change, what);
}

/**
 * onUpdateProperties: a content write (cm:content changed) or a property change, decided on the
 * properties as they were before it. A creation (empty before-map) is the step's own.
 */
function onUpdateProperties(node: ScriptNodeLike, beforeMap: unknown, afterMap: unknown): void {
  const before = shortProps(qnameMapToProps(beforeMap));
  if (Object.keys(before).length === 0) return;
  const after = shortProps(qnameMapToProps(afterMap));
  const keys: { [k: string]: true } = {};
  for (const k of Object.keys(before)) keys[k] = true;
  for (const k of Object.keys(after)) keys[k] = true;
  const changed: string[] = [];
  for (const k of Object.keys(keys)) if (!samePlain(before[k], after[k])) changed.push(k);
  if (changed.length === 0) return;
  const content = changed.indexOf('cm:content') >= 0;
  const others = changed.filter((k) => k !== 'cm:content');
  // The before-map's cm:content is a plain value (the ContentData's text) or null.
  const had = before['cm:content'] !== null && before['cm:content'] !== undefined;
  if (content) decide(node, before, had, { act: 'content' }, 'content write');
  if (!content || others.length > 0) {
    decide(node, before, had, { act: 'properties', changed: content
      ? others.filter((k) => k !== 'cm:modified' && k !== 'cm:modifier') : changed },
    'property change (' + changed.join(', ') + ')');
  }
}

interface ChildAssociationArg {
  readonly parent: ScriptNodeLike;
  readonly child: ScriptNodeLike;
}

/** What each bound policy decides, by the policy's name (its arguments as ACS passes them). */
const POLICIES: { readonly [policy: string]: (args: ArrayLike<unknown>) => void } = {
  onUpdateProperties: (args) => onUpdateProperties(args[0] as ScriptNodeLike, args[1], args[2]),
  beforeDeleteNode: (args) => {
    const node = args[0] as ScriptNodeLike;
    // Purging from the trashcan: the delete itself was checked when the node was archived.
    if (String(node.nodeRef).indexOf('archive://') === 0) return;
    decideNow(node, { act: 'delete' }, 'delete');
  },
  beforeMoveNode: (args) => decideNow((args[0] as ChildAssociationArg).child, { act: 'move' },
    'move'),
  beforeRemoveAspect: (args) => decideNow(args[0] as ScriptNodeLike, { act: 'aspects' },
    'removal of aspect ' + String(args[1])),
  beforeLock: (args) => decideNow(args[0] as ScriptNodeLike, { act: 'lock' }, 'lock'),
  beforeCopy: (args) => decideNow(args[1] as ScriptNodeLike, { act: 'copy' }, 'copy'),
};

/** Runs the policy that fired. */
export function runDocumentGuard(): void {
  const b = currentBehaviour();
  const name = String(b.name);
  if (Object.prototype.hasOwnProperty.call(POLICIES, name)) POLICIES[name](b.args);
  else efrWarn('efr document guard: unexpected policy ' + name);
}

runDocumentGuard();
