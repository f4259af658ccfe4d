/**
 * Jasmine helper of every Node suite (scripts/run-jasmine.mjs): fails a spec when an answer of
 * an EFR web script it received breaks contract/ (test/support/contract-check.ts, issue 15).
 */
import { startContractCheck, takeMismatches } from './contract-check.js';

startContractCheck();

afterEach(() => {
  for (const m of takeMismatches()) fail(`contract/: ${m}`);
});
