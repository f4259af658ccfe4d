/**
 * Issue 15: every JSON example of docs/api.md keeps contract/. Each `json` block, and each
 * `http` block with a JSON body, is preceded by `<!-- contract: … -->` naming its schema:
 * `METHOD /path request`, `METHOD /path <status>` (the endpoint's schemas in
 * contract/endpoints.ts) or a schema of contract/ by name (`Device` for `DeviceSchema`).
 * An example without a marker fails too, so that no new example goes unchecked.
 */
import type { TSchema } from '@sinclair/typebox';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contract from '../../contract/index.js';
import { ENDPOINTS, endpointKey } from '../../contract/index.js';
import { ROOT } from '../support/server-harness.js';
import { describeErrors, validatorOf } from '../support/contract-check.js';

/** One example of the page. */
interface Example { line: number; marker: string | null; json: string }

/** The JSON examples of a Markdown page with the marker before each. */
export function examplesOf(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(json|http)\s*$/.exec(lines[i]);
    if (!fence) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    const body = lines.slice(i + 1, end);
    // An http block: the request or status lines, then the JSON body (if any) from its `{`.
    const from = fence[1] === 'json' ? 0 : body.findIndex((l) => l.startsWith('{'));
    if (from >= 0) {
      const m = /^<!-- contract: (.+) -->$/.exec(lines[i - 1] ?? '');
      out.push({ line: i + 1, marker: m ? m[1] : null, json: body.slice(from).join('\n') });
    }
    i = end;
  }
  return out;
}

/** The schema a marker names, or why it names none. */
function schemaOf(marker: string): TSchema | string {
  const m = /^(GET|POST|PUT|DELETE) (\S+) (request|\d{3})$/.exec(marker);
  if (!m) {
    const named = (contract as Record<string, unknown>)[`${marker}Schema`];
    return named && typeof named === 'object' ? named as TSchema : `no schema ${marker}Schema`;
  }
  const e = ENDPOINTS.find((x) => endpointKey(x) === `${m[1]} ${m[2]}`);
  if (!e) return `no endpoint ${m[1]} ${m[2]} in contract/endpoints.ts`;
  const s = m[3] === 'request' ? e.request : e.responses[Number(m[3])];
  return s ?? `${endpointKey(e)} has no ${m[3]} schema`;
}

describe('docs/api.md examples keep the JSON contract (issue 15)', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
  const examples = examplesOf(doc);

  it('finds the examples and a marker before each', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    expect(examples.filter((x) => x.marker === null).map((x) => `line ${x.line}`)).toEqual([]);
  });

  for (const x of examples) {
    it(`line ${x.line}: ${x.marker ?? '(no marker)'}`, () => {
      let value: unknown;
      expect(() => { value = JSON.parse(x.json); }).withContext('valid JSON').not.toThrow();
      const schema = x.marker === null ? 'no marker' : schemaOf(x.marker);
      if (typeof schema === 'string') {
        fail(schema);
        return;
      }
      const validate = validatorOf(schema);
      expect(validate(value) ? '' : describeErrors(validate.errors)).toBe('');
    });
  }

  it('tells a broken example apart (the check is not vacuous)', () => {
    const broken = examplesOf('<!-- contract: Device -->\n```json\n{ "id": 1 }\n```\n');
    const validate = validatorOf(schemaOf(broken[0].marker as string) as TSchema);
    expect(validate(JSON.parse(broken[0].json))).toBe(false);
  });
});
