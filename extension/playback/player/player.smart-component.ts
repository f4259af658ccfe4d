import {
  Component,
  computed,
  ElementRef,
  inject,
  input,
  OnDestroy,
  OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { VgCoreModule } from '@videogular/ngx-videogular/core';
import { CurrentUserService, errorStatus, LoadFailurePipe } from '../../shared/public-api';
import {
  AccessRequestView,
  ApprovalsService,
  mayPlay,
  RequestedRecording,
} from '../../approvals/public-api';
import { isAudioOnly, isRealSeek, newSessionId, watermarkText } from '../playback.rules';

/**
 * Gated playback (R24.2): plays a request's recordings only for its registered viewer inside
 * the open window (the repository refuses every other read with 403 anyway), seeks through
 * Range requests (the media element does this itself: the URL carries `alf_ticket` because
 * a media element cannot send headers), shows a watermark of viewer, time and request number
 * over the picture, and logs start, seeks and end of each session to the access log.
 */
@Component({
  selector: 'efr-player',
  imports: [LoadFailurePipe, DatePipe, MatButtonModule, TranslatePipe, VgCoreModule],
  template: `
    <section class="efr-page">
      <h1 class="efr-page-title">
        {{ 'EFR_PLAYBACK.TITLE' | translate }}
        @if (request(); as r) {
          <span class="efr-mono">{{ r.number }}</span>
        }
      </h1>
      @if (failure() !== null) {
        <div class="efr-error" role="alert">
          {{ failure() | efrLoadFailure | translate: { status: failure() } }}
        </div>
      }
      @if (request(); as r) {
        @if (!open()) {
          <p class="efr-error" role="alert" data-testid="not-open">
            {{ 'EFR_PLAYBACK.NOT_OPEN' | translate }}
          </p>
        } @else {
          <p>
            {{
              'EFR_PLAYBACK.UNTIL'
                | translate: { until: (r.viewingUntil | date: 'yyyy-MM-dd HH:mm') }
            }}
            · {{ 'EFR_PLAYBACK.LOGGED' | translate }}
          </p>
          <div class="picker">
            @for (x of r.recordings; track x.id) {
              <button
                mat-stroked-button
                type="button"
                [class.active]="x.id === current()?.id"
                (click)="select(x)"
                data-testid="pick-recording"
              >
                {{ x.title || x.name }}
              </button>
            }
          </div>
          @if (current(); as rec) {
            <vg-player class="player" [class.audio]="audio()">
              @if (audio()) {
                <div class="audio-face">
                  {{ 'EFR_PLAYBACK.AUDIO' | translate }} · {{ rec.title || rec.name }}
                </div>
                <audio
                  #media
                  [vgMedia]="$any(media)"
                  [src]="src()"
                  controls
                  preload="metadata"
                  data-testid="media"
                  (playing)="started()"
                  (seeking)="seeking()"
                  (seeked)="seeked()"
                  (timeupdate)="tick()"
                  (ended)="ended()"
                ></audio>
              } @else {
                <video
                  #media
                  [vgMedia]="$any(media)"
                  [src]="src()"
                  controls
                  preload="metadata"
                  controlsList="nodownload noplaybackrate"
                  disablePictureInPicture
                  data-testid="media"
                  (playing)="started()"
                  (seeking)="seeking()"
                  (seeked)="seeked()"
                  (timeupdate)="tick()"
                  (ended)="ended()"
                  (contextmenu)="$event.preventDefault()"
                ></video>
              }
              <div class="watermark" aria-hidden="true" data-testid="watermark">
                {{ watermark() }}
              </div>
            </vg-player>
            @if (r.downloadAllowed) {
              <a mat-button [href]="downloadUrl()" data-testid="download">{{
                'EFR_PLAYBACK.DOWNLOAD' | translate
              }}</a>
            }
          }
        }
      }
    </section>
  `,
  styles: [
    `
      .picker {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-bottom: 12px;
      }
      .picker .active {
        background: var(--mat-sys-secondary-container, #e8e8e8);
      }
      .player {
        position: relative;
        display: block;
        max-width: 960px;
        background: #000;
      }
      .player video {
        width: 100%;
        display: block;
      }
      .player.audio {
        min-height: 180px;
        padding-top: 100px;
      }
      .player audio {
        width: 100%;
        display: block;
      }
      .audio-face {
        position: absolute;
        top: 24px;
        left: 16px;
        color: #ddd;
      }
      .watermark {
        position: absolute;
        inset: 0;
        display: flex;
        align-items: center;
        justify-content: center;
        pointer-events: none;
        color: rgba(255, 255, 255, 0.45);
        font-size: 1.4em;
        font-weight: 600;
        text-shadow: 0 0 2px rgba(0, 0, 0, 0.8);
        transform: rotate(-18deg);
        user-select: none;
        white-space: nowrap;
        z-index: 2;
      }
    `,
  ],
})
export class PlayerSmartComponent implements OnInit, OnDestroy {
  private readonly service = inject(ApprovalsService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly media = viewChild<ElementRef<HTMLMediaElement>>('media');

  /** Route parameter: the request id. */
  readonly id = input.required<string>();
  /**
   * The recording to start with (the Content App's viewer opens the player on one recording of
   * the request); the request's first one otherwise.
   */
  readonly recordingId = input<string | null | undefined>(null);

  protected readonly request = signal<AccessRequestView | null>(null);
  protected readonly current = signal<RequestedRecording | null>(null);
  protected readonly failure = signal<number | null>(null);
  protected readonly now = signal(Date.now());
  protected readonly open = computed(() => {
    const r = this.request();
    return (
      r !== null &&
      mayPlay(r, this.currentUser.user()) &&
      r.viewingUntil !== null &&
      this.now() < Date.parse(r.viewingUntil)
    );
  });
  protected readonly audio = computed(() => isAudioOnly(this.current()?.mimeType ?? null));
  protected readonly src = computed(() => {
    const rec = this.current();
    return rec ? this.service.contentUrl(rec.id) : '';
  });
  protected readonly watermark = computed(() =>
    watermarkText({
      viewer: this.currentUser.user()?.displayName ?? '',
      now: this.now(),
      number: this.request()?.number ?? '',
    }),
  );

  private clock: ReturnType<typeof setInterval> | undefined;
  private session = '';
  private playing = false;
  private lastPosition = 0;
  private seekFrom = 0;
  private inSeek = false;

  async ngOnInit(): Promise<void> {
    this.clock = setInterval(() => this.now.set(Date.now()), 1000);
    try {
      await this.currentUser.load();
      const r = await this.service.get(this.id());
      this.request.set(r);
      const chosen = r.recordings.find((x) => x.id === this.recordingId());
      if (r.recordings.length) this.current.set(chosen ?? r.recordings[0]);
    } catch (error) {
      this.failure.set(errorStatus(error) ?? 0);
    }
  }

  ngOnDestroy(): void {
    if (this.clock) clearInterval(this.clock);
    this.finish();
  }

  /** Switches recording: the session of the previous one ends. */
  protected select(rec: RequestedRecording): void {
    if (rec.id === this.current()?.id) return;
    this.finish();
    this.current.set(rec);
  }

  protected started(): void {
    if (this.playing) return;
    this.playing = true;
    this.session = newSessionId(Date.now());
    this.report('start');
  }

  protected tick(): void {
    const el = this.media()?.nativeElement;
    // The media element fires timeupdate at the new position before seeked: keep the old one.
    if (el && !this.inSeek) this.lastPosition = el.currentTime;
    // The window may close while watching: the next Range read is refused; stop at once.
    if (el && !this.open() && !el.paused) el.pause();
  }

  protected seeking(): void {
    if (this.inSeek) return;
    this.inSeek = true;
    this.seekFrom = this.lastPosition;
  }

  protected seeked(): void {
    const el = this.media()?.nativeElement;
    this.inSeek = false;
    if (!el) return;
    if (isRealSeek(this.seekFrom, el.currentTime)) {
      if (!this.playing) this.started();
      this.report('seek');
    }
    this.lastPosition = el.currentTime;
  }

  protected ended(): void {
    this.finish();
  }

  /** A download link, only for litigation and external release (R26.2). */
  protected downloadUrl(): string {
    const rec = this.current();
    return rec ? this.service.contentUrl(rec.id, true) : '';
  }

  private finish(): void {
    if (!this.playing) return;
    this.report('end');
    this.playing = false;
  }

  private report(event: 'start' | 'seek' | 'end'): void {
    const r = this.request();
    const rec = this.current();
    if (!r || !rec) return;
    const position = this.media()?.nativeElement.currentTime ?? 0;
    // A lost log call must not stop playback; the repository logs every Range read anyway.
    void this.service
      .viewingEvent(r.id, {
        event,
        recordingId: rec.id,
        sessionId: this.session,
        positionSeconds: Number.isFinite(position) ? position : 0,
      })
      .catch(() => undefined);
  }
}
