/**
 * An external program EFR needs is not there. Its message is one sentence a newcomer can act
 * on (what is missing, for what, and the command that fixes it); `server/src/main.ts` prints
 * only that sentence, never a stack trace (issue 21).
 */
export class MissingToolError extends Error {
  override readonly name = 'MissingToolError';

  /**
   * @param tool the program, e.g. `ffmpeg`
   * @param purpose what EFR needed it for, e.g. `to make the demo footage`
   * @param reason where EFR looked, e.g. `there is none on PATH`
   * @param fix the command that fixes it, e.g. `` `apt-get install ffmpeg` ``
   */
  constructor(
    readonly tool: string,
    purpose: string,
    reason: string,
    fix: string,
  ) {
    super(`EFR needs ${tool} ${purpose}, but ${reason}; run ${fix}.`);
  }
}
