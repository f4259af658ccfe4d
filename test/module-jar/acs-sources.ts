// Re-reading the ACS facts our catalogues record (behaviors/data/acs-*.json): each fact names a
// repository, a file, the line at each tag and a string that line holds. Where this machine has
// the bare git mirrors of Alfresco's repositories (fetched for issue 14), the specs check every
// line; on a fresh clone elsewhere they check the catalogue's shape only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One line of ACS's (or Surf's) sources. */
export interface AcsFact {
  repo: string;
  path: string;
  /** Tag → 1-based line number. */
  lines: Record<string, number>;
  /** A string the line holds. */
  text: string;
}

/** Bare git mirrors of the repositories the catalogues cite, where present. */
export const ACS_MIRRORS: Readonly<Record<string, string>> = {
  'Alfresco/alfresco-community-repo': '/work/.mirror/Alfresco+alfresco-community-repo/repo',
  'Alfresco/surf-webscripts': '/work/.mirror/Alfresco+surf-webscripts/repo',
};

/** Whether the sources of `repo` can be read here. */
export function hasSources(repo: string): boolean {
  const mirror = ACS_MIRRORS[repo];
  return mirror !== undefined && existsSync(mirror);
}

const fileCache = new Map<string, string[]>();

/**
 * The facts whose line does not hold their text, as "repo tag path:line: found", for the
 * repositories whose sources are at hand (an empty list when none are).
 */
export function factMismatches(facts: readonly AcsFact[]): string[] {
  const out: string[] = [];
  for (const f of facts) {
    if (!hasSources(f.repo)) continue;
    for (const [tag, line] of Object.entries(f.lines)) {
      const key = `${f.repo}@${tag}:${f.path}`;
      let text = fileCache.get(key);
      if (text === undefined) {
        const r = spawnSync('git', ['-C', ACS_MIRRORS[f.repo], 'show', `${tag}:${f.path}`],
          { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        text = r.status === 0 ? r.stdout.split('\n') : [];
        fileCache.set(key, text);
      }
      const found = text[line - 1];
      if (found === undefined || !found.includes(f.text)) {
        out.push(`${f.repo} ${tag} ${f.path}:${line}: ${found ?? '(no such line)'}`);
      }
    }
  }
  return out;
}
