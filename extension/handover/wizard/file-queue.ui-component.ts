import { Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { humanBytes } from '../../shared/public-api';
import { FileItem, HandoverSession } from '../handover.model';
import { filePercent, overallPercent } from '../handover.rules';

/**
 * The files of a handover at the workstation: a drop zone (or file picker), and per file its
 * session, hashing and upload progress with a retry after a failure; overall progress bars for
 * hashing and upload. Inputs and outputs only: the wizard does the work.
 */
@Component({
  selector: 'efr-file-queue',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatSelectModule, TranslatePipe],
  templateUrl: './file-queue.ui-component.html',
  styleUrl: './handover-wizard.css',
})
export class FileQueueUiComponent {
  /** The queue. */
  readonly items = input<FileItem[]>([]);
  /** Declared sessions a file can belong to. */
  readonly sessions = input<HandoverSession[]>([]);
  /** Whether new files may be added. */
  readonly acceptsFiles = input(true);
  /** Files were dropped or picked. */
  readonly filesAdded = output<File[]>();
  /** The user asks to send a failed file again. */
  readonly retry = output<string>();
  /** The user moves a file to another session. */
  readonly sessionChange = output<{ key: string; sessionIndex: number }>();

  /** Whether a drag is over the zone. */
  protected readonly dragging = signal(false);
  protected readonly filePercent = filePercent;
  protected readonly humanBytes = humanBytes;

  /** Whether a file is being hashed or sent. */
  protected busy(): boolean {
    return this.items().some(
      (i) => i.state === 'hashing' || i.state === 'uploading' || i.state === 'queued',
    );
  }

  /** Overall hashing progress. */
  protected hashPercent(): number {
    return overallPercent(this.items(), 'hash');
  }

  /** Overall upload progress. */
  protected uploadPercent(): number {
    return overallPercent(this.items(), 'upload');
  }

  /** Drop handler. */
  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length && this.acceptsFiles()) this.filesAdded.emit(files);
  }

  /** Drag-over handler: allow the drop. */
  protected over(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  /** File picker handler. */
  protected picked(event: Event): void {
    const el = event.target as HTMLInputElement;
    const files = Array.from(el.files ?? []);
    el.value = '';
    if (files.length) this.filesAdded.emit(files);
  }
}
