import { accessRequest } from '../approvals/mock/access-request.mock';
import { EfrRole } from '../shared/public-api';
import { userWith } from '../shared/mock/users.mock';
import {
  failedPartState, mayReadCustody, mediaFormat, viewingNext,
} from './recording-detail.rules';

describe('recording detail rules (issue 19, point 1)', () => {
  const officer = userWith('officer1', EfrRole.Officer);

  it('a refused part is "forbidden", any other failure "failed" (retry makes sense)', () => {
    expect(failedPartState(403)).toBe('forbidden');
    expect(failedPartState(500)).toBe('failed');
    expect(failedPartState(undefined)).toBe('failed');
  });

  it('only the access-log readers are offered the chain of custody', () => {
    expect(mayReadCustody(officer)).toBeFalse();
    expect(mayReadCustody(userWith('l', EfrRole.Leader))).toBeFalse();
    expect(mayReadCustody(userWith('s', EfrRole.Supervisor))).toBeTrue();
    expect(mayReadCustody(userWith('c', EfrRole.Custodian))).toBeTrue();
    expect(mayReadCustody(userWith('g', EfrRole.Legal))).toBeTrue();
  });

  it('plays under an open registered window for this viewer', () => {
    const open = accessRequest({
      id: 'q9',
      number: '调阅-9',
      status: 'registered',
      viewer: 'officer1',
      windowOpen: true,
    });
    expect(viewingNext('v1', officer, [open], [])).toEqual({
      kind: 'play',
      requestId: 'q9',
      number: '调阅-9',
    });
    expect(viewingNext('v2', officer, [open], [])).toEqual({ kind: 'request' });
  });

  it('shows the own request on its way, else offers 申请调阅', () => {
    const submitted = accessRequest({ status: 'reviewed' });
    expect(viewingNext('v1', officer, [], [submitted])).toEqual({
      kind: 'pending',
      requestId: 'r1',
      number: '调阅-1',
      status: 'reviewed',
    });
    expect(viewingNext('v1', officer, [], [accessRequest({ status: 'rejected' })])).toEqual({
      kind: 'request',
    });
    expect(viewingNext('v1', officer, [], [])).toEqual({ kind: 'request' });
  });
});

describe('a stored file\'s format as a reader names it (issue 19)', () => {
  it('gives the kind and the format in capitals, not the MIME type', () => {
    expect(mediaFormat('audio/mp4')).toEqual({ kind: 'audio', format: 'MP4' });
    expect(mediaFormat('video/mp4; codecs="avc1"')).toEqual({ kind: 'video', format: 'MP4' });
    expect(mediaFormat('audio/x-m4a')).toEqual({ kind: 'audio', format: 'M4A' });
    expect(mediaFormat('')).toEqual({ kind: 'other', format: '' });
  });
});
