import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { FileItem, Handover } from '../handover.model';
import { CustodianCredentials, HandoverReceiptUiComponent } from './handover-receipt.ui-component';
import { PeopleDirectoryService } from '../../shared/public-api';
import { peopleDirectoryMock } from '../../shared/mock/people-directory.mock';

const SHA = 'a'.repeat(64);

function handover(extra: Partial<Handover> = {}): Handover {
  return {
    id: 'h1',
    name: '移交-20261126-officer1',
    officer: 'officer1',
    coOfficer: 'officer2',
    preUseCheck: null,
    deviceSerial: 'BWC-2026-001',
    unit: null,
    returnedAt: null,
    fieldWorkEnd: null,
    awayWork: false,
    deadline: null,
    status: 'open',
    late: false,
    overdue: false,
    receipts: [],
    sessions: [],
    violationId: null,
    createdAt: '',
    createdBy: 'custodian1',
    files: [
      {
        id: 'r1',
        name: 'a.mp4',
        sha256: SHA,
        sizeBytes: 1,
        sessionId: null,
        sealed: false,
        parentId: 'h1',
      },
    ],
    ...extra,
  };
}

function item(sha: string): FileItem {
  return {
    key: 'k',
    file: new File([], 'a.mp4'),
    name: 'a.mp4',
    size: 1,
    sha256: sha,
    hashedBytes: 1,
    uploadedBytes: 1,
    state: 'uploaded',
    error: null,
    sessionIndex: 0,
    durationSeconds: null,
    nodeId: 'r1',
  };
}

describe('HandoverReceiptUiComponent (R21.4)', () => {
  function setup(h: Handover, local: string, maySelf = true) {
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule, HandoverReceiptUiComponent],
      providers: [
        provideNoopAnimations(),
        { provide: PeopleDirectoryService, useValue: peopleDirectoryMock() },
      ],
    });
    const fixture = TestBed.createComponent(HandoverReceiptUiComponent);
    fixture.componentRef.setInput('handover', h);
    fixture.componentRef.setInput('items', local === '' ? [] : [item(local)]);
    fixture.componentRef.setInput('maySelfConfirm', maySelf);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el };
  }

  it('lets the signed-in custodian confirm when the hashes agree', () => {
    const { fixture, el } = setup(handover(), SHA);
    let confirmed = 0;
    fixture.componentInstance.confirmSelf.subscribe(() => confirmed++);
    expect(el.querySelector('[data-testid="hash-match"]')).not.toBeNull();
    const button = el.querySelector<HTMLButtonElement>('[data-testid="confirm-self"]');
    expect(button?.disabled).toBeFalse();
    button?.click();
    expect(confirmed).toBe(1);
  });

  it('blocks every confirmation when a hash differs', () => {
    const { el } = setup(handover(), 'b'.repeat(64));
    expect(el.querySelector('[data-testid="hash-disagree"]')).not.toBeNull();
    expect(
      el.querySelector<HTMLButtonElement>('[data-testid="confirm-self"]')?.disabled,
    ).toBeTrue();
    expect(
      el.querySelector<HTMLButtonElement>('[data-testid="confirm-other"]')?.disabled,
    ).toBeTrue();
  });

  it("sends the second custodian's own credentials and forgets the password", async () => {
    const { fixture, el } = setup(
      handover({ status: 'pending', receipts: [{ by: 'custodian1', at: null }] }),
      SHA,
      false,
    );
    const sent: CustodianCredentials[] = [];
    fixture.componentInstance.confirmOther.subscribe((c) => sent.push(c));
    expect(el.querySelector('[data-testid="confirm-self"]')).toBeNull();
    const user = el.querySelector<HTMLInputElement>(
      '[data-testid="second-user"]',
    ) as HTMLInputElement;
    const pass = el.querySelector<HTMLInputElement>(
      '[data-testid="second-password"]',
    ) as HTMLInputElement;
    await fixture.whenStable();
    user.value = ' custodian2 ';
    user.dispatchEvent(new Event('input'));
    pass.value = 'secret';
    pass.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    const submit = el.querySelector<HTMLButtonElement>('[data-testid="confirm-other"]');
    expect(submit?.disabled).toBeFalse();
    submit?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(pass.value).toBe('');
    expect(sent).toEqual([{ userId: 'custodian2', password: 'secret' }]);
  });

  it('asks to choose the files again when none were hashed here (resumed handover)', () => {
    const { el } = setup(handover({ status: 'pending' }), '');
    expect(el.querySelector('[data-testid="drop-to-verify"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="hash-disagree"]')).toBeNull();
    expect(el.querySelector<HTMLButtonElement>('[data-testid="confirm-self"]')?.disabled).toBeTrue();
  });

  it('shows the seal, and the late flag of a late seal', () => {
    const { el } = setup(handover({ status: 'sealed', late: true }), SHA);
    expect(el.querySelector('[data-testid="sealed-banner"]')?.textContent).toContain('SEALED_LATE');
    expect(el.querySelector('[data-testid="second-form"]')).toBeNull();
  });
});
