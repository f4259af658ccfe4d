import { Component, computed, inject, input, OnDestroy, OnInit, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { FieldError } from '../../../core/src/index';
import { CurrentUserService, PersonNamePipe, RefusalTextService } from '../../shared/public-api';
import { FileHashService } from '../file-hash.service';
import { mediaDuration } from '../file-hasher';
import { HandoverApiService } from '../handover-api.service';
import { DeviceOption, FileItem, Handover, HandoverDraft } from '../handover.model';
import {
  alreadyStored,
  draftErrors,
  emptyDraft,
  mayReceive,
  openBody,
  recordingFields,
  verifiedHashes,
} from '../handover.rules';
import { FileQueueUiComponent } from './file-queue.ui-component';
import { HandoverFactsUiComponent } from './handover-facts.ui-component';
import { CustodianCredentials, HandoverReceiptUiComponent } from './handover-receipt.ui-component';

let nextKey = 0;

/**
 * The guided handover at the office workstation (issue 5): 1. the facts (R15, R16.1, R17.1),
 * 2. the files, hashed in chunks in a Web Worker and uploaded with their hash (a failed upload
 * is sent again with the digest kept on the queued file, never hashed twice),
 * 3. the two-person receipt (R21.4). `/handovers/new` starts one; `/handovers/:id` resumes one
 * (files dropped again are hashed and matched with what the repository already holds).
 */
@Component({
  selector: 'efr-handover-wizard',
  imports: [PersonNamePipe, 
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    HandoverFactsUiComponent,
    FileQueueUiComponent,
    HandoverReceiptUiComponent,
  ],
  templateUrl: './handover-wizard.smart-component.html',
  styleUrl: './handover-wizard.css',
  // One hashing worker per wizard: it ends, with any file still being hashed, with the screen.
  providers: [FileHashService],
})
export class HandoverWizardSmartComponent implements OnInit, OnDestroy {
  private readonly api = inject(HandoverApiService);
  private readonly refusals = inject(RefusalTextService);
  private readonly users = inject(CurrentUserService);
  private readonly translate = inject(TranslateService);
  private readonly router = inject(Router);
  private readonly hasher = inject(FileHashService);
  /** Aborted when the screen goes: stops the worker mid-file. */
  private readonly leaving = new AbortController();
  private hashingLine = false;
  private uploadingLine = false;
  private destroyed = false;

  /** Route parameter: the handover to resume (absent on `/handovers/new`). */
  readonly id = input<string | undefined>(undefined);

  /** Whether the UI shows Chinese messages of core. */
  protected readonly zh = toSignal(
    this.translate.onLangChange.pipe(map((e) => e.lang.startsWith('zh'))),
    { initialValue: (this.translate.getCurrentLang() ?? 'zh-CN').startsWith('zh') },
  );
  protected readonly draft = signal<HandoverDraft>(emptyDraft(null, Date.now()));
  protected readonly devices = signal<DeviceOption[]>([]);
  protected readonly officers = signal<string[]>([]);
  protected readonly errors = signal<FieldError[]>([]);
  protected readonly handover = signal<Handover | null>(null);
  protected readonly items = signal<FileItem[]>([]);
  protected readonly busy = signal(false);
  /** The last refusal or failure, as the repository worded it. */
  protected readonly failure = signal<string | null>(null);
  /** Whether every dropped file is settled (uploaded or matched) and none is failed. */
  protected readonly settled = computed(() => this.items().every((i) => i.state === 'uploaded'));
  protected readonly maySelfConfirm = computed(() => {
    const h = this.handover();
    return h !== null && mayReceive(h, this.users.user());
  });

  async ngOnInit(): Promise<void> {
    // Without the profile the form starts with no officer filled in; the server decides anyway.
    const user = await this.users.load().catch(() => null);
    this.draft.set(emptyDraft(user, Date.now()));
    // Choices only help typing: without them the fields still accept a serial or a name.
    this.api.devices().then(
      (d) => this.devices.set(d),
      () => this.devices.set([]),
    );
    this.api.officers().then(
      (o) => this.officers.set(o),
      () => this.officers.set([]),
    );
    const id = this.id();
    if (id) await this.reload(id);
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.leaving.abort();
  }

  /** Step 1: checks the facts with core, then opens the handover. */
  protected async openHandover(d: HandoverDraft): Promise<void> {
    this.draft.set(d);
    const errors = draftErrors(d, Date.now());
    this.errors.set(errors);
    if (errors.length > 0) return;
    await this.run(async () => {
      const h = await this.api.open(openBody(d));
      this.handover.set(h);
      void this.router.navigate(['/handovers', h.id], { replaceUrl: true });
    });
  }

  /** Step 2: files dropped or picked. */
  protected addFiles(files: File[]): void {
    const fresh = files.map(
      (file): FileItem => ({
        key: `f${++nextKey}`,
        file,
        name: file.name,
        size: file.size,
        sha256: null,
        hashedBytes: 0,
        uploadedBytes: 0,
        state: 'queued',
        error: null,
        sessionIndex: 0,
        durationSeconds: null,
        nodeId: null,
      }),
    );
    this.items.update((list) => [...list, ...fresh]);
    void this.hashQueued();
  }

  /**
   * Sends a failed file again (resume after a network error). The digest computed before stays
   * on the item, so only the upload is repeated: neither server/ nor ACS's
   * `POST /nodes/{id}/children` takes partial uploads (one multipart request with `filedata`,
   * ../shared/alfresco/alfresco-core.yaml, "Create a node"), so the whole request is sent again.
   */
  protected retry(key: string): void {
    if (this.item(key).sha256 !== null) {
      this.patch(key, { state: 'hashed', error: null });
      void this.uploadHashed();
      return;
    }
    this.patch(key, { state: 'queued', error: null });
    void this.hashQueued();
  }

  /** Moves a file to another declared session before it is sent. */
  protected changeSession(change: { key: string; sessionIndex: number }): void {
    this.patch(change.key, { sessionIndex: change.sessionIndex });
  }

  /** Step 3: the signed-in custodian confirms. */
  protected async confirmSelf(): Promise<void> {
    const h = this.handover();
    if (!h) return;
    await this.run(async () =>
      this.handover.set(await this.api.receipt(h.id, verifiedHashes(this.items()))),
    );
  }

  /** Step 3: another custodian signs in with their own credentials and confirms. */
  protected async confirmOther(cred: CustodianCredentials): Promise<void> {
    const h = this.handover();
    if (!h) return;
    await this.run(async () => {
      const second = await this.api.signInSecond(cred.userId, cred.password);
      try {
        this.handover.set(await this.api.receiptAs(second, h.id, verifiedHashes(this.items())));
      } finally {
        await this.api.signOutSecond(second);
      }
    });
  }

  private async reload(id: string): Promise<void> {
    await this.run(async () => this.handover.set(await this.api.get(id)));
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await work();
    } catch (error: unknown) {
      // A refusal (4xx with the repository's words) or a network failure: show it, keep state.
      this.failure.set(this.refusals.text(error));
    } finally {
      this.busy.set(false);
    }
  }

  private patch(key: string, change: Partial<FileItem>): void {
    this.items.update((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));
  }

  private item(key: string): FileItem {
    return this.items().find((i) => i.key === key) as FileItem;
  }

  /**
   * Hashes queued files one at a time in the worker, handing each to the upload line once it
   * has its digest: the next file is hashed while the previous one is sent (issue 20: dozens
   * of 2-4 GB files per handover). One file at a time per line: a second hashing worker would
   * read the same card or disk at the same time, and compete with the upload for the cores.
   */
  private async hashQueued(): Promise<void> {
    if (this.hashingLine) return;
    this.hashingLine = true;
    try {
      for (
        let next = this.items().find((i) => i.state === 'queued');
        next && !this.destroyed;
        next = this.items().find((i) => i.state === 'queued')
      ) {
        await this.hashItem(next.key);
        void this.uploadHashed();
      }
    } finally {
      this.hashingLine = false;
    }
  }

  /** Uploads hashed files one at a time, in the order they were hashed. */
  private async uploadHashed(): Promise<void> {
    if (this.uploadingLine) return;
    this.uploadingLine = true;
    try {
      for (
        let next = this.items().find((i) => i.state === 'hashed');
        next && !this.destroyed;
        next = this.items().find((i) => i.state === 'hashed')
      ) {
        await this.deliver(next.key);
      }
    } finally {
      this.uploadingLine = false;
    }
  }

  private async hashItem(key: string): Promise<void> {
    this.patch(key, { state: 'hashing' });
    const durationSeconds = await mediaDuration(this.item(key).file);
    let sha256: string;
    try {
      sha256 = await this.hasher.hash(
        this.item(key).file,
        (b) => this.patch(key, { hashedBytes: b }),
        this.leaving.signal,
      );
    } catch (error: unknown) {
      // Cancelled because the screen went, or the file became unreadable (card unplugged,
      // NotReadableError): the row says so and its retry hashes it from the start.
      if (this.destroyed) return;
      const reason = this.translate.instant('EFR_HANDOVER.FILES.UNREADABLE');
      this.patch(key, { state: 'failed', error: `${reason} (${this.refusals.text(error)})` });
      return;
    }
    this.patch(key, { sha256, durationSeconds, state: 'hashed' });
  }

  /** Matches a hashed file with what the repository holds, else sends it. */
  private async deliver(key: string): Promise<void> {
    const h = this.handover() as Handover;
    const stored = alreadyStored(h, this.item(key));
    if (stored) {
      this.patch(key, { state: 'uploaded', uploadedBytes: this.item(key).size, nodeId: stored });
      return;
    }
    if (h.status !== 'open') {
      this.patch(key, {
        state: 'failed',
        error: this.translate.instant('EFR_HANDOVER.FILES.NOT_IN_BATCH'),
      });
      return;
    }
    await this.send(key, h);
  }

  private async send(key: string, h: Handover): Promise<void> {
    this.patch(key, { state: 'uploading', uploadedBytes: 0, error: null });
    const source = this.devices().find((d) => d.serial === h.deviceSerial)?.kind ?? 'bodyCamera';
    const item = this.item(key);
    const answer = await this.api.upload(
      h.id,
      item.file,
      recordingFields(h, item, this.items(), source),
      (b) => this.patch(key, { uploadedBytes: b }),
    );
    if (answer.status === 201) {
      const id = (answer.body as { entry: { id: string } }).entry.id;
      this.patch(key, { state: 'uploaded', uploadedBytes: item.size, nodeId: id });
      await this.reload(h.id);
      return;
    }
    if (answer.status === 0 || answer.status === 409) {
      // The bytes may have arrived before the connection broke: match by name and hash.
      await this.reload(h.id);
      const stored = alreadyStored(this.handover() as Handover, item);
      if (stored) {
        this.patch(key, { state: 'uploaded', uploadedBytes: item.size, nodeId: stored });
        return;
      }
    }
    const error =
      answer.status === 0
        ? this.translate.instant('EFR_HANDOVER.FILES.NETWORK')
        : `${answer.status} ${this.refusals.text({ message: answer.text })}`;
    this.patch(key, { state: 'failed', uploadedBytes: 0, error });
  }
}
