import { EfrRole, EfrUser } from '../shared/public-api';
import { DiscRecording } from './evidence-disc.model';
import {
  jobEnded, jobRefusal,
  canPackage, defaultLabel, discFormProblem, discRefusal, discUsage, estimateImageBytes,
  formatSize,
} from './evidence-disc.rules';

const user = (roles: EfrRole[], isAdmin = false): EfrUser =>
  ({ id: 'u', displayName: 'u', roles, isAdmin });

const rec = (id: string, size: number, sealed = true): DiscRecording =>
  ({ id, name: `${id}.mp4`, title: '', size, sha256: 'a'.repeat(64), sealed, startedAt: null });

describe('evidence-disc rules (R23.1)', () => {
  it('lets legal staff, custodians and admins package, nobody else', () => {
    expect(canPackage(user([EfrRole.Legal]))).toBeTrue();
    expect(canPackage(user([EfrRole.Custodian]))).toBeTrue();
    expect(canPackage(user([], true))).toBeTrue();
    expect(canPackage(user([EfrRole.Officer, EfrRole.Leader]))).toBeFalse();
    expect(canPackage(null)).toBeFalse();
  });

  it('estimates the image above the payload and compares it with the medium', () => {
    expect(estimateImageBytes([rec('a', 1)])).toBeGreaterThan(2048);
    // Issue 19, point 11: a 22 KB recording makes a disc of about 0.7 MiB, announced as 9.6.
    const small = estimateImageBytes([rec('a', 22_000)]);
    expect(small).toBeGreaterThan(733_184);
    expect(small).toBeLessThan(1.5 * 733_184);
    const recs = [rec('a', 400_000_000), rec('b', 400_000_000)];
    expect(discUsage(recs, ['a'], 'cd700').fits).toBeTrue();
    expect(discUsage(recs, ['a', 'b'], 'cd700').fits).toBeFalse();
    expect(discUsage(recs, ['a', 'b'], 'dvd5').fits).toBeTrue();
    expect(discUsage(recs, ['a'], 'floppy').fits).toBeFalse();
  });

  it('names what the form still lacks', () => {
    const recs = [rec('a', 10), rec('b', 10, false)];
    const form = { recordingIds: ['a'], producer: '张丽', extractor: '周敏', medium: 'dvd5',
      label: 'EFR' };
    expect(discFormProblem(form, recs)).toBeNull();
    expect(discFormProblem({ ...form, recordingIds: [] }, recs)).toBe('NO_RECORDINGS');
    expect(discFormProblem({ ...form, recordingIds: ['b'] }, recs)).toBe('NOT_SEALED');
    expect(discFormProblem({ ...form, extractor: ' ' }, recs)).toBe('PEOPLE');
    expect(discFormProblem({ ...form, label: 'x'.repeat(33) }, recs)).toBe('LABEL');
    expect(discFormProblem({ ...form, medium: 'tape' }, recs)).toBe('MEDIUM');
  });

  it('makes a label of at most 32 characters and readable sizes', () => {
    expect(defaultLabel('丹民罚〔2026〕12号')).toBe('EFR 丹民罚〔2026〕12号');
    expect([...defaultLabel('X'.repeat(40))].length).toBe(32);
    expect(formatSize(1572864)).toBe('1.5 MiB');
    expect(formatSize(22528)).toBe('22.0 KiB');
    expect(formatSize(4831838208)).toBe('4.50 GiB');
  });
});

describe('evidence-disc refusals (R23.1, R26.1)', () => {
  it('reads the split proposal and the named file of the web script errors', () => {
    const split = discRefusal({ message: JSON.stringify({ error: {
      errorKey: 'efr.evidence.exceedsMedium', briefSummary: 'Too big / 超出光盘容量',
      split: [{ recordingIds: ['a'], imageBytes: 5 }] } }) }, 'zh-CN');
    expect(split.text).toBe('超出光盘容量');
    expect(split.split.length).toBe(1);
    const fixity = discRefusal({ message: JSON.stringify({ error: {
      errorKey: 'efr.evidence.fixityMismatch', briefSummary: 'x / y', path: 'data/a.mp4' } }) },
    'en');
    expect(fixity.text).toBe('x');
    expect(fixity.path).toBe('data/a.mp4');
    expect(discRefusal({ message: 'offline' }, 'en').text).toBe('offline');
  });
});

describe('evidence-disc jobs (issue 15)', () => {
  it('reads a failed job in the user\'s language and names the file of a fixity alert', () => {
    const error = { code: 'efr.evidence.fixityMismatch', message: 'data/20261124_a.mp4: SHA-256 ' +
      'x differs from the sealed y / 文件哈希值与封存值不符 (R26.1)' };
    expect(jobRefusal(error, 'zh-CN')).toEqual({ text: '文件哈希值与封存值不符 (R26.1)',
      errorKey: 'efr.evidence.fixityMismatch', path: 'data/20261124_a.mp4', split: [] });
    expect(jobRefusal(error, 'en').text).toContain('differs from the sealed');
    expect(jobRefusal({ code: 'efr.job.error', message: 'plain' }, 'zh-CN').path).toBeNull();
  });

  it('knows when a build has ended', () => {
    expect(jobEnded(undefined)).toBeTrue();
    expect(jobEnded({ state: 'built' })).toBeTrue();
    expect(jobEnded({ state: 'failed' })).toBeTrue();
    expect(jobEnded({ state: 'building' })).toBeFalse();
    expect(jobEnded({ state: 'requested' })).toBeFalse();
  });
});
