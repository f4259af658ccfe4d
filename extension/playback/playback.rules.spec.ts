import { isAudioOnly, isRealSeek, newSessionId, watermarkText } from './playback.rules';

describe('playback rules (issue 6, R24.2)', () => {
  it('R24.2: the watermark names viewer, local time and request number', () => {
    const now = new Date(2026, 10, 26, 9, 5, 7).getTime();
    expect(watermarkText({ viewer: 'officer1', now, number: '调阅-1' })).toBe(
      'officer1 · 2026-11-26 09:05:07 · 调阅-1',
    );
  });

  it('R24.2: logs a seek only when the position really jumps', () => {
    expect(isRealSeek(1, 1.2)).toBeFalse();
    expect(isRealSeek(1, 3)).toBeTrue();
    expect(isRealSeek(5, 0)).toBeTrue();
    expect(isRealSeek(Number.NaN, 3)).toBeFalse();
  });

  it('R7.1: voice recordings play as audio', () => {
    expect(isAudioOnly('audio/mp4')).toBeTrue();
    expect(isAudioOnly('video/mp4')).toBeFalse();
    expect(isAudioOnly(null)).toBeFalse();
  });

  it('makes distinct session ids', () => {
    expect(newSessionId(1, () => 0.25)).not.toBe(newSessionId(1, () => 0.5));
  });
});
