/**
 * The folder tree of an image, built from file paths, with each entry's name in each tree
 * made unique inside its folder. Children are visited in code-unit order of their original
 * names, so the same input always yields the same names.
 */
import { DiscError, type DiscFileSpec, type NameMapping } from './types.js';
import {
  compareCodeUnits,
  isoBaseName,
  isoUniqueName,
  jolietName,
  rockRidgeName,
  splitPath,
  udfName,
} from './names.js';

/** Names of one entry in each tree. */
export interface TreeNames {
  iso: string;
  joliet: string;
  udf: string;
  rr: string;
}

/** A folder of the image. */
export interface DirNode {
  readonly kind: 'dir';
  readonly name: string;
  readonly path: string;
  readonly parent: DirNode | null;
  readonly dirs: DirNode[];
  readonly files: FileNode<DiscFileSpec>[];
  names: TreeNames;
  /** Depth from the root (root = 1), for path tables. */
  readonly level: number;
}

/** A file of the image. */
export interface FileNode<F extends DiscFileSpec> {
  readonly kind: 'file';
  readonly name: string;
  readonly path: string;
  readonly parent: DirNode;
  readonly spec: F;
  names: TreeNames;
}

const ROOT_NAMES: TreeNames = { iso: '\u0000', joliet: '\u0000', udf: '', rr: '' };

/**
 * Builds the tree and assigns names. Refuses duplicate paths and a path used both as a file
 * and as a folder.
 */
export function buildTree<F extends DiscFileSpec>(files: readonly F[]): DirNode {
  const root: DirNode = {
    kind: 'dir', name: '', path: '', parent: null, dirs: [], files: [], names: ROOT_NAMES,
    level: 1,
  };
  const dirIndex = new Map<string, DirNode>([['', root]]);
  const filePaths = new Set<string>();
  for (const spec of files) {
    const parts = splitPath(spec.path);
    if (!Number.isSafeInteger(spec.size) || spec.size < 0) {
      throw new DiscError('bad-size', `Size of "${spec.path}" is not a byte count.`, spec.path);
    }
    let dir = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const path = parts.slice(0, i + 1).join('/');
      if (filePaths.has(path)) {
        throw new DiscError('path-conflict', `"${path}" is both a file and a folder.`, path);
      }
      let next = dirIndex.get(path);
      if (!next) {
        next = {
          kind: 'dir', name: parts[i], path, parent: dir, dirs: [], files: [],
          names: ROOT_NAMES, level: dir.level + 1,
        };
        dirIndex.set(path, next);
        dir.dirs.push(next);
      }
      dir = next;
    }
    const path = parts.join('/');
    if (filePaths.has(path)) {
      throw new DiscError('duplicate-path', `"${path}" is listed twice.`, path);
    }
    if (dirIndex.has(path)) {
      throw new DiscError('path-conflict', `"${path}" is both a file and a folder.`, path);
    }
    filePaths.add(path);
    const name = parts[parts.length - 1];
    dir.files.push({ kind: 'file', name, path, parent: dir, spec, names: ROOT_NAMES });
  }
  assignNames(root);
  return root;
}

/** Every folder, breadth first, children in original-name order (path-table friendly). */
export function allDirs(root: DirNode): DirNode[] {
  const out: DirNode[] = [root];
  for (let i = 0; i < out.length; i++) out.push(...out[i].dirs);
  return out;
}

/** Every file of the tree in path order. */
export function allFiles(root: DirNode): FileNode<DiscFileSpec>[] {
  const out: FileNode<DiscFileSpec>[] = [];
  for (const dir of allDirs(root)) out.push(...dir.files);
  return out.sort((a, b) => compareCodeUnits(a.path, b.path));
}

type Entry = DirNode | FileNode<DiscFileSpec>;

function isoName(name: string, isDir: boolean, salt: number): string {
  return salt === 0 ? isoBaseName(name, isDir) : isoUniqueName(name, isDir, salt);
}

/** Picks the first candidate not yet taken, trying salts 1, 2, … after the plain name. */
function unique(taken: Set<string>, make: (salt: number) => string, fold: boolean): string {
  for (let salt = 0; ; salt++) {
    const name = make(salt);
    const key = fold ? name.toUpperCase() : name;
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}

function assignNames(dir: DirNode): void {
  dir.dirs.sort((a, b) => compareCodeUnits(a.name, b.name));
  dir.files.sort((a, b) => compareCodeUnits(a.name, b.name));
  const entries: Entry[] = [...dir.dirs, ...dir.files];
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  const iso = new Set<string>();
  const joliet = new Set<string>();
  const udf = new Set<string>();
  const rr = new Set<string>();
  for (const e of entries) {
    const isDir = e.kind === 'dir';
    e.names = {
      // ISO and Joliet readers (Windows) compare case-insensitively: fold for uniqueness.
      iso: unique(iso, (s) => isoName(e.name, isDir, s), true),
      joliet: unique(joliet, (s) => jolietName(e.name, isDir, s), true),
      udf: unique(udf, (s) => udfName(e.name, s), false),
      rr: unique(rr, (s) => rockRidgeName(e.name, s), false),
    };
  }
  for (const d of dir.dirs) assignNames(d);
}

/** The name mapping of every entry, sorted by path, for the manifest. */
export function nameMappings(root: DirNode): NameMapping[] {
  const out: NameMapping[] = [];
  for (const dir of allDirs(root)) {
    for (const e of [...dir.dirs, ...dir.files] as Entry[]) {
      const isDirectory = e.kind === 'dir';
      const iso9660Name = isDirectory ? e.names.iso : `${e.names.iso};1`;
      const altered: NameMapping['altered'][number][] = [];
      if (e.names.iso.replace(/\.$/, '') !== e.name) altered.push('iso9660');
      if (e.names.joliet !== e.name) altered.push('joliet');
      if (e.names.udf !== e.name) altered.push('udf');
      if (e.names.rr !== e.name) altered.push('rockRidge');
      out.push({
        path: e.path, isDirectory, iso9660Name, jolietName: e.names.joliet,
        udfName: e.names.udf, rockRidgeName: e.names.rr, altered,
      });
    }
  }
  return out.sort((a, b) => compareCodeUnits(a.path, b.path));
}
