/** Playback feature: the gated, watermarked player of registered viewings (issue 6). */
export * from './playback.rules';
export * from './playback.providers';
