/**
 * Pure rules of the player (R24.2): what the watermark says, when a seek is worth a log
 * entry, and the media kind of a recording.
 */

/** Fields of the visible watermark over the video. */
export interface WatermarkFacts {
  viewer: string;
  /** Current time (ms since the epoch). */
  now: number;
  /** Request number. */
  number: string;
}

/** Two-digit padding. */
function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `playback.watermark`: "viewer · YYYY-MM-DD HH:mm:ss · request number", local time of the
 * browser (the bureau's own clock), so that a photographed screen names who watched when,
 * under which approval.
 */
export function watermarkText(f: WatermarkFacts): string {
  const d = new Date(f.now);
  const time =
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${f.viewer} · ${time} · ${f.number}`;
}

/** Seconds of difference below which a `seeked` event is the player's own jitter, not a seek. */
export const SEEK_THRESHOLD_SECONDS = 1;

/**
 * `playback.isSeek`: whether the position after a `seeked` event differs enough from where
 * playback was to be logged as a seek by the viewer.
 */
export function isRealSeek(fromSeconds: number, toSeconds: number): boolean {
  return (
    Number.isFinite(fromSeconds) &&
    Number.isFinite(toSeconds) &&
    Math.abs(toSeconds - fromSeconds) >= SEEK_THRESHOLD_SECONDS
  );
}

/** Whether a recording is played as audio only (voice recorders, R7.1). */
export function isAudioOnly(mimeType: string | null): boolean {
  return (mimeType ?? '').startsWith('audio/');
}

/** A session id for the access log: time and randomness, unique enough per viewer. */
export function newSessionId(now: number, random: () => number = Math.random): string {
  return `${now.toString(36)}-${Math.floor(random() * 0x100000000).toString(36)}`;
}
