/**
 * BagIt (RFC 8493) tag files of an evidence disc: `bagit.txt`, `bag-info.txt`, the SHA-256
 * payload and tag manifests, and a parser for reading them back. No library: the format is a
 * few lines of text, and the npm BagIt packages are Node-only and write to the file system.
 */
import type { ManifestLine, PackageFacts, PayloadEntry } from './types.js';

/** Tag file names (RFC 8493 §2.1, §2.2). */
export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO_TXT = 'bag-info.txt';
export const MANIFEST_TXT = 'manifest-sha256.txt';
export const TAG_MANIFEST_TXT = 'tagmanifest-sha256.txt';

/** The bag declaration (RFC 8493 §2.1.1). */
export function bagitTxt(): string {
  return 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
}

/** Encodes a path for a manifest line: CR, LF and '%' percent-encoded (RFC 8493 §2.1.3). */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Decodes a manifest path (the inverse of `encodeManifestPath`). */
export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** Renders manifest lines `<sha256>  <path>`, sorted by path so the text is stable. */
export function manifestText(lines: readonly ManifestLine[]): string {
  const sorted = lines.slice().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let out = '';
  for (const l of sorted) out += l.sha256 + '  ' + encodeManifestPath(l.path) + '\n';
  return out;
}

/** The payload manifest from the sealed hashes: known before any content is read. */
export function payloadManifest(payload: readonly PayloadEntry[]): string {
  return manifestText(payload.map((p) => ({ sha256: p.recording.sha256, path: p.path })));
}

/** Result of parsing a manifest. */
export type ManifestParse =
  | { ok: true; lines: ManifestLine[] }
  | { ok: false; line: number; reason: string };

/**
 * Parses a SHA-256 manifest (sha256sum style; one or more blanks, an optional '*').
 * Refuses bad checksums, absolute or `..` paths and duplicates (RFC 8493 §2.1.3).
 */
export function parseManifest(text: string): ManifestParse {
  const lines: ManifestLine[] = [];
  const seen: Record<string, boolean> = {};
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].replace(/\r$/, '');
    if (row === '') continue;
    const m = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(row);
    if (!m) return { ok: false, line: i + 1, reason: 'not "<sha256> <path>"' };
    const path = decodeManifestPath(m[2]);
    if (path.charAt(0) === '/' || ('/' + path + '/').indexOf('/../') >= 0) {
      return { ok: false, line: i + 1, reason: 'path leaves the bag: ' + path };
    }
    if (seen['k' + path]) return { ok: false, line: i + 1, reason: 'listed twice: ' + path };
    seen['k' + path] = true;
    lines.push({ sha256: m[1].toLowerCase(), path: path });
  }
  return { ok: true, lines: lines };
}

/** Replaces line breaks so that a value stays on its label's line (RFC 8493 §2.2.2). */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/** Bag-info facts beyond the package's own. */
export interface BagInfoExtras {
  /** Sum of the payload sizes (bytes). */
  readonly payloadBytes: number;
  /** Number of payload files. */
  readonly payloadFiles: number;
  /** Bag-Count, e.g. "1 of 1". */
  readonly bagCount: string;
}

/** `bag-info.txt`: reserved labels (RFC 8493 §2.2.2) then EFR's own `EFR-*` labels. */
export function bagInfoTxt(facts: PackageFacts, extras: BagInfoExtras): string {
  const rows: [string, string][] = [
    ['Source-Organization', facts.source],
    ['Bagging-Date', facts.extractionTime.slice(0, 10)],
    ['Payload-Oxum', extras.payloadBytes + '.' + extras.payloadFiles],
    ['Bag-Count', extras.bagCount],
    ['External-Identifier', facts.caseNumber],
    ['External-Description', 'Evidence disc of case ' + facts.caseNumber + ' (R23.1) / ' +
      facts.caseNumber + ' 证据光盘'],
    ['Internal-Sender-Identifier', facts.label],
    ['EFR-Case-Id', facts.caseId],
    ['EFR-Case-Number', facts.caseNumber],
    ['EFR-Case-Title', facts.caseTitle],
    ['EFR-Producer', facts.producer],
    ['EFR-Extractor', facts.extractor],
    ['EFR-Extraction-Time', facts.extractionTime],
    ['EFR-Medium', facts.medium],
    ['EFR-Disc-Label', facts.label],
  ];
  let out = '';
  for (const r of rows) if (r[1] !== '') out += r[0] + ': ' + oneLine(r[1]) + '\n';
  return out;
}

/** Reads `Label: value` rows of bag-info.txt (continuation lines joined with a space). */
export function parseBagInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last = '';
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i].replace(/\r$/, '');
    if (/^[ \t]/.test(row) && last !== '') out[last] += ' ' + row.trim();
    else {
      const colon = row.indexOf(':');
      if (colon <= 0) continue;
      last = row.slice(0, colon).trim();
      out[last] = row.slice(colon + 1).trim();
    }
  }
  return out;
}
