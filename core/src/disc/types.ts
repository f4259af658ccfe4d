/**
 * Public shapes of the evidence-disc writer (R23.1): what goes in, what the layout says.
 */

/** One file to put on the disc, known by name and size before any byte is read. */
export interface DiscFileSpec {
  /** Path inside the image, folders separated by '/', no leading '/'. */
  readonly path: string;
  /** Exact size in bytes; the writer fails if the stream yields a different count. */
  readonly size: number;
  /** Modification time recorded in every tree; the volume date when absent. */
  readonly mtime?: Date;
}

/** A file with its content: `open()` is called once when reached, never for size 0. */
export interface DiscFile extends DiscFileSpec {
  /** Opens the content; the writer pulls it chunk by chunk and never buffers it whole. */
  open(): ReadableStream<Uint8Array>;
}

/** Volume facts fixed by the package so the same package always gives the same image. */
export interface VolumeInfo {
  /** Volume label, at most 32 characters (any script; each tree gets its own safe form). */
  readonly label: string;
  /** The package date: every volume and directory timestamp is this instant. */
  readonly date: Date;
  /** Offset from UTC written into timestamps, in minutes (e.g. 480 for China); default 0. */
  readonly utcOffsetMinutes?: number;
  /** Publisher written in the ISO 9660 and Joliet descriptors (optional). */
  readonly publisher?: string;
}

/** The four names one file or folder gets, one per tree, and the original it came from. */
export interface NameMapping {
  /** Original full path as given. */
  readonly path: string;
  /** Whether this entry is a folder. */
  readonly isDirectory: boolean;
  /** ISO 9660 level 2 identifier (with ";1" for files). */
  readonly iso9660Name: string;
  /** Joliet identifier without the ";1" of files (UCS-2, 64 characters with it). */
  readonly jolietName: string;
  /** UDF identifier (at most 255 bytes in OSTA compressed Unicode). */
  readonly udfName: string;
  /** Rock Ridge NM name (at most 255 UTF-8 bytes). */
  readonly rockRidgeName: string;
  /** Trees in which the name differs from the original component (never silent). */
  readonly altered: readonly ('iso9660' | 'joliet' | 'udf' | 'rockRidge')[];
}

/** Where a file's bytes sit in the image (shared by all three trees). */
export interface FilePlacement<F extends DiscFileSpec = DiscFileSpec> {
  /** The input object. */
  readonly file: F;
  /** First sector of the content (0 for an empty file). */
  readonly sector: number;
  /** Index in the stable write order. */
  readonly index: number;
}

/** Labels as each tree records them. */
export interface VolumeLabels {
  readonly iso9660: string;
  readonly joliet: string;
  readonly udf: string;
}

/** A fully computed image: every position known before the first byte is written. */
export interface DiscLayout<F extends DiscFileSpec = DiscFileSpec> {
  /** Total sectors of 2048 bytes. */
  readonly sectors: number;
  /** Files in write order (sorted by path). */
  readonly files: readonly FilePlacement<F>[];
  /** Name of every file and folder in every tree, sorted by path. */
  readonly names: readonly NameMapping[];
  /** Labels per tree. */
  readonly labels: VolumeLabels;
  /** Whether some file needed several ISO 9660 extents (interchange level 3). */
  readonly multiExtent: boolean;
  /** Metadata regions, sorted by sector; the writer fills everything else with zeros. */
  readonly regions: readonly MetadataRegion[];
}

/** A run of metadata sectors rendered on demand while streaming. */
export interface MetadataRegion {
  readonly sector: number;
  readonly sectorCount: number;
  /** Renders exactly sectorCount * 2048 bytes. */
  render(): Uint8Array;
}

/** Why a set of files cannot become an image. */
export type DiscErrorCode =
  | 'empty-name'
  | 'bad-character'
  | 'reserved-name'
  | 'duplicate-path'
  | 'path-conflict'
  | 'bad-size'
  | 'bad-date'
  | 'label-too-long'
  | 'too-many-extents'
  | 'too-many-folders'
  | 'exceeds-medium'
  | 'size-mismatch';

/** Error thrown (or returned by planDiscs) with a machine-readable code and the path at fault. */
export class DiscError extends Error {
  constructor(
    readonly code: DiscErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'DiscError';
  }
}
