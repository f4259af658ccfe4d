import {
  Component, EventEmitter, Input, OnChanges, Output, Type, inject, signal,
} from '@angular/core';
import { NgComponentOutlet } from '@angular/common';
import { Router } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MediaPlayerComponent } from '@alfresco/adf-core';
import { TranslatePipe } from '@ngx-translate/core';
import {
  CurrentUserService, EFR_TYPE, EfrApiService, errorStatus,
} from '../../shared/public-api';
import { ApprovalsService } from '../../approvals/public-api';
import { ViewingNext, viewingNext } from '../recording-detail.rules';

/** What the viewer shows for the node it was opened on. */
type ViewerState =
  | { kind: 'loading' }
  /** Not an EFR recording (an ordinary video in the same repository): ADF's own player. */
  | { kind: 'other' }
  /** The recording could not be read (refused or unreachable). */
  | { kind: 'failed'; status: number }
  | ViewingNext;

/**
 * `efr.recording.viewer`, the Content App's viewer for recordings (efr.plugin.json
 * `features.viewer.extensions`). ADF picks a viewer extension by file extension only
 * (adf-core 9.0.0 `ViewUtilService.getViewerTypeByExtension`), before it reads anything of the
 * content, and hands it the node id (`PreviewExtensionComponent`: `url`, `extension`, `nodeId`
 * by `setInput`). For an EFR recording this component decides what the user may do, as the
 * recording page's viewing part does (`recordings.viewingNext`): under an open registered
 * request of theirs it plays through EFR's player (playback's `efr-player`: gated, watermarked,
 * every session logged), loaded as its own chunk; with a request on its way it says so; without
 * a viewing right it says why and offers 申请调阅. Any other file of those extensions plays in
 * ADF's own media player, as without the plugin.
 */
@Component({
  selector: 'efr-recording-viewer',
  imports: [NgComponentOutlet, MatButtonModule, MatIconModule, MediaPlayerComponent, TranslatePipe],
  template: `
    @switch (state().kind) {
      @case ('other') {
        <adf-media-player class="efr-viewer-media" [urlFile]="url" [fileName]="fileName()" />
      }
      @case ('play') {
        @if (player(); as p) {
          <div class="efr-viewer-player" data-testid="efr-viewer-player">
            <ng-container *ngComponentOutlet="p; inputs: playerInputs()" />
          </div>
        }
      }
      @case ('loading') {
        <p class="efr-viewer-note" role="status">
          {{ 'EFR_RECORDINGS.DETAIL.PART_LOADING' | translate }}
        </p>
      }
      @default {
        <section class="efr-viewer-gate" role="alert" data-testid="efr-viewer-gate">
          <mat-icon class="efr-viewer-icon" aria-hidden="true">lock</mat-icon>
          @switch (state().kind) {
            @case ('pending') {
              <h2>{{ 'EFR_RECORDINGS.VIEWER.PENDING_TITLE' | translate }}</h2>
              <p data-testid="efr-viewer-pending">
                {{ 'EFR_RECORDINGS.DETAIL.VIEWING_PENDING' | translate: { number: pendingNumber() } }}
                {{ 'EFR_APPROVALS.STATUS.' + pendingStatus() | translate }}
              </p>
              <button mat-stroked-button type="button" (click)="myRequests()">
                {{ 'EFR_RECORDINGS.DETAIL.MY_REQUESTS' | translate }}
              </button>
            }
            @case ('failed') {
              <h2>{{ 'EFR_RECORDINGS.VIEWER.FAILED_TITLE' | translate }}</h2>
              <p>{{ 'EFR_RECORDINGS.VIEWER.FAILED' | translate: { status: failedStatus() } }}</p>
            }
            @default {
              <h2 data-testid="efr-viewer-why">{{ 'EFR_RECORDINGS.VIEWER.NO_RIGHT_TITLE' | translate }}</h2>
              <p>{{ 'EFR_RECORDINGS.DETAIL.VIEWING_NONE' | translate }}</p>
              <button mat-flat-button type="button" (click)="requestViewing()"
                data-testid="efr-viewer-request">
                <mat-icon>visibility</mat-icon>{{ 'EFR_RECORDINGS.DETAIL.REQUEST_VIEWING' | translate }}
              </button>
            }
          }
        </section>
      }
    }
  `,
  styles: [`
    :host { display: block; width: 100%; overflow: auto; }
    .efr-viewer-player { max-width: 1000px; margin: 0 auto; }
    .efr-viewer-note { text-align: center; padding: 48px; }
    .efr-viewer-gate {
      max-width: 560px; margin: 64px auto; padding: 24px 32px; text-align: center;
      background: var(--mat-sys-surface-container, #eef0f4); border-radius: 12px;
    }
    .efr-viewer-gate h2 { font: var(--mat-sys-title-large); margin: 8px 0 12px; }
    .efr-viewer-gate p { line-height: 1.6; }
    .efr-viewer-icon { font-size: 40px; width: 40px; height: 40px; opacity: 0.7; }
  `],
})
export class RecordingViewerComponent implements OnChanges {
  private readonly api = inject(EfrApiService);
  private readonly approvals = inject(ApprovalsService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly router = inject(Router);

  /** The content URL the viewer built (used only for files that are not EFR recordings). */
  @Input() url = '';
  /** The file's extension, as the viewer matched it. */
  @Input() extension = '';
  /** The node the viewer shows. */
  @Input() nodeId: string | null = null;
  /** Tells the viewer that its spinner may go. */
  @Output() readonly contentLoaded = new EventEmitter<void>();

  protected readonly state = signal<ViewerState>({ kind: 'loading' });
  protected readonly player = signal<Type<unknown> | null>(null);
  protected readonly fileName = signal('');
  private loadedFor: string | null = null;

  ngOnChanges(): void {
    if (!this.nodeId || this.nodeId === this.loadedFor) return;
    this.loadedFor = this.nodeId;
    void this.load(this.nodeId);
  }

  /** The player's inputs: the request that opens the window, this recording chosen. */
  protected playerInputs(): Record<string, unknown> {
    const s = this.state();
    return s.kind === 'play' ? { id: s.requestId, recordingId: this.nodeId } : {};
  }

  protected pendingNumber(): string {
    const s = this.state();
    return s.kind === 'pending' ? s.number : '';
  }

  protected pendingStatus(): string {
    const s = this.state();
    return s.kind === 'pending' ? s.status : '';
  }

  protected failedStatus(): number {
    const s = this.state();
    return s.kind === 'failed' ? s.status : 0;
  }

  /** 申请调阅: the request form with this recording, outside the viewer. */
  protected requestViewing(): void {
    void this.router.navigate(['/approvals/new'], { queryParams: { recordingId: this.nodeId } });
  }

  protected myRequests(): void {
    void this.router.navigate(['/approvals'], { queryParams: { queue: 'mine' } });
  }

  private async load(nodeId: string): Promise<void> {
    this.state.set({ kind: 'loading' });
    try {
      const node = (await this.api.nodes.getNode(nodeId)).entry;
      this.fileName.set(node.name);
      if (node.nodeType !== EFR_TYPE.recording) {
        this.state.set({ kind: 'other' });
        return;
      }
      await this.currentUser.load();
      const [viewing, mine] = await Promise.all([
        this.approvals.list('viewing', { recordingId: nodeId }),
        this.approvals.list('mine', { recordingId: nodeId }),
      ]);
      const next = viewingNext(nodeId, this.currentUser.user(), viewing, mine);
      if (next.kind === 'play') {
        const { PlayerSmartComponent } = await import('../../playback/player/player.smart-component');
        this.player.set(PlayerSmartComponent);
      }
      this.state.set(next);
    } catch (error: unknown) {
      this.state.set({ kind: 'failed', status: errorStatus(error) ?? 0 });
    } finally {
      this.contentLoaded.emit();
    }
  }
}
