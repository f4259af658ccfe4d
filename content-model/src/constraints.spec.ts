import { loadEfrModelSet } from './model-set.js';
import type { ConstraintDef, ModelSet } from './model-types.js';
import { EFR_CONSTRAINTS } from './qnames.js';
import { runJavaScript } from './spec-support.js';

/** Values each REGEX constraint must accept and refuse (docs/enumerations.md and README.md). */
const SAMPLES: Record<string, { ok: string[]; bad: string[] }> = {
  [EFR_CONSTRAINTS.caseNumberRegex]: {
    ok: ['丹民罚〔2026〕12号', '丹民办〔2019〕2号', 'EFR-2026-0001', 'DMZ-2025-123456'],
    bad: ['丹民罚[2026]12号', '〔2026〕12号', 'efr-2026-0001', 'EFR-26-0001', 'EFR-2026-01', ''],
  },
  [EFR_CONSTRAINTS.sha256Regex]: {
    ok: ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    bad: ['E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'e3b0', ''],
  },
  [EFR_CONSTRAINTS.sha256LineRegex]: {
    ok: ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  执法记录 01.mp4'],
    bad: ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 a.mp4'],
  },
  [EFR_CONSTRAINTS.deviceSerialRegex]: {
    ok: ['DSJ-A8-20260001', 'ABCD', 'X1234567890'],
    bad: ['-DSJ', 'dsj-a8', 'AB', 'DSJ A8', 'A'.repeat(33)],
  },
  'cm:filename': {
    // requiresMatch=false: these are the names the expression must NOT match.
    ok: ['a:b', 'name.', 'name ', 'x*y', 'a/b'],
    bad: ['执法记录仪 2026-01-02.mp4', 'report.pdf'],
  },
};

/** What Java's String.matches (RegexConstraint in ACS) says for each expression and value. */
const JAVA_MATCHES = `
var input = JSON.parse(String(arguments[0]));
var out = {};
for (var name in input) {
  var p = java.util.regex.Pattern.compile(input[name].expression);
  out[name] = input[name].values.map(function (v) { return p.matcher(v).matches(); });
}
printJson(out);
`;

function regexes(set: ModelSet): Map<string, ConstraintDef> {
  const out = new Map<string, ConstraintDef>();
  for (const c of set.constraints.values()) if (c.type === 'REGEX' && c.name) out.set(c.name, c);
  return out;
}

describe('REGEX constraints: Java (ACS) and JavaScript (server/) agree on samples', () => {
  let set: ModelSet;
  beforeAll(() => {
    set = loadEfrModelSet();
  });

  it('every REGEX constraint of the models has samples', () => {
    expect([...regexes(set).keys()].sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it('Java accepts the ok samples, refuses the bad ones, and JavaScript agrees', () => {
    const input: Record<string, { expression: string; values: string[] }> = {};
    for (const [name, c] of regexes(set)) {
      input[name] = {
        expression: String(c.parameters.expression),
        values: [...SAMPLES[name].ok, ...SAMPLES[name].bad],
      };
    }
    // Escape to ASCII so the argument survives any platform charset of the JVM.
    const arg = JSON.stringify(input).replace(/[\u0080-\uffff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const java = runJavaScript<Record<string, boolean[]>>(JAVA_MATCHES, [arg]);
    for (const [name, { expression, values }] of Object.entries(input)) {
      const okCount = SAMPLES[name].ok.length;
      const expected = values.map((_, i) => i < okCount);
      expect(java[name]).withContext(`Java ${name}`).toEqual(expected);
      // server/ anchors the expression the way String.matches does.
      const js = new RegExp(`^(?:${expression})$`);
      expect(values.map((v) => js.test(v))).withContext(`JS ${name}`).toEqual(expected);
    }
  });

  it('numeric and length bounds carry the values the requirements set', () => {
    const c = (name: string): ConstraintDef | undefined => set.constraints.get(name);
    expect(c(EFR_CONSTRAINTS.retentionYearsRange)?.parameters)
      .toEqual({ minValue: '1', maxValue: '100' }); // R22.1: at least one year
    expect(c(EFR_CONSTRAINTS.basisLength)?.parameters.minLength).toBe('10'); // R11.2
    expect(c(EFR_CONSTRAINTS.discLabelLength)?.parameters.maxLength).toBe('32'); // R23.1
    const proportion = c(EFR_CONSTRAINTS.proportionRange)?.parameters;
    expect(Number(proportion?.minValue)).toBeGreaterThan(0); // R28.1: above zero
    expect(Number(proportion?.maxValue)).toBe(1);
  });
});
