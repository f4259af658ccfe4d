import type { AuditLeafFacts } from '../merkle/audit-leaf.js';

/**
 * Shapes of an evidence package (R23.1) as the packaging logic sees them: plain data, no
 * streams. The server and the CLI add the content streams and render the PDF.
 */

/** Facts of the package, fixed before the first byte is read (same facts → same disc). */
export interface PackageFacts {
  /** Case node id (may be empty when built from outside the repository). */
  readonly caseId: string;
  /** Case number (efr:caseNumber), e.g. 丹民罚〔2026〕12号. */
  readonly caseNumber: string;
  /** Case title (cm:title). */
  readonly caseTitle: string;
  /** 制作人: user name (and display name) of who makes the copy (R23.1). */
  readonly producer: string;
  /** 提取人: who takes the copy for the case file (R23.1). */
  readonly extractor: string;
  /** Extraction time, ISO 8601 instant; also the disc's volume date. */
  readonly extractionTime: string;
  /** Disc medium (efr:medium). */
  readonly medium: string;
  /** Volume label, at most 32 characters. */
  readonly label: string;
  /** Where it was made: repository URL or name, written into bag-info.txt. */
  readonly source: string;
}

/** Capture facts of one recording, copied from the sealed node into the description. */
export interface RecordingFacts {
  /** Recording node id. */
  readonly id: string;
  /** Original file name (cm:name). */
  readonly name: string;
  /** Size in bytes (efr:sizeBytes, equal to the content size). */
  readonly size: number;
  /** Sealed SHA-256 (efr:sha256), lower-case hex. */
  readonly sha256: string;
  readonly title?: string;
  readonly recordingStart?: string;
  readonly recordingEnd?: string;
  readonly durationSeconds?: number;
  readonly officer?: string;
  readonly coOfficer?: string;
  readonly deviceSerial?: string;
  readonly activityType?: string;
  readonly location?: string;
  readonly source?: string;
  readonly sealedAt?: string;
  readonly sealedBy1?: string;
  readonly sealedBy2?: string;
}

/** What placing a recording in the payload reads of it. */
export type PayloadSource = Pick<RecordingFacts, 'id' | 'name'>;

/** A recording placed in the bag payload. */
export interface PayloadEntry<R extends PayloadSource = RecordingFacts> {
  /** The recording. */
  readonly recording: R;
  /** Path on the disc and in the manifest, under `data/`. */
  readonly path: string;
}

/**
 * One access-log entry of the extract, the same in both hosts (issue 18): its position in the
 * log (the leaf index + 1), the `efr-access` audit entry exactly as its Merkle leaf covers it
 * (core/src/merkle/audit-leaf.ts; server/'s entries carry their chain link, prevHash and hash,
 * among the values) and its inclusion proof.
 */
export interface LogExtractEntry {
  /** Position in the log, 1-based (not the audit id: ACS's ids have gaps). */
  readonly seq: number;
  /** The audit entry as hashed: leaf data = UTF-8(canonical JSON of it). */
  readonly entry: AuditLeafFacts;
  /** RFC 9162 inclusion proof (hex) against the disc's signed tree head, when it has one. */
  readonly inclusionProof?: readonly string[];
}

/** A line of a SHA-256 manifest: checksum and bag-relative path. */
export interface ManifestLine {
  readonly sha256: string;
  readonly path: string;
}
