import { Component, Type, signal } from '@angular/core';
import { NgComponentOutlet } from '@angular/common';
import type { RecordingPart } from './recording-detail.smart-component';

/** What the Content App's info drawer hands a tab (adf-extensions 9.0.0 `DynamicTabComponent`). */
interface TabNode {
  id: string;
}

/**
 * The template of every tab: the recording's page, one part of it, loaded as the page's own
 * lazy chunk when a tab first opens (the tabs are registered at start-up: issue 20).
 */
const TAB_TEMPLATE = `@if (detail(); as page) {
  @for (id of nodeIds(); track id) {
    <ng-container *ngComponentOutlet="page; inputs: { id, part }" />
  }
}`;

/**
 * One part of a recording's page as an info-drawer tab: the drawer sets `node` on the
 * instance (`componentRef.instance.node = …`, not `setInput`), so it is a setter over a
 * signal. The part is rebuilt when the drawer moves to another node.
 */
abstract class RecordingTabComponent {
  /** The part this tab shows. */
  protected abstract readonly part: RecordingPart;
  /** The node's id, as a one-element list (none before the drawer sets it). */
  protected readonly nodeIds = signal<string[]>([]);
  /** The recording page's component, once its chunk is loaded. */
  protected readonly detail = signal<Type<unknown> | null>(null);

  constructor() {
    void import('./recording-detail.smart-component')
      .then((m) => this.detail.set(m.RecordingDetailSmartComponent));
  }

  /** The node the info drawer shows. */
  set node(node: TabNode | null | undefined) {
    this.nodeIds.set(node?.id ? [node.id] : []);
  }
}

/** Capture facts (R10.1, R15.2, R16.1). */
@Component({
  selector: 'efr-recording-tab-capture', imports: [NgComponentOutlet], template: TAB_TEMPLATE,
})
export class CaptureTabComponent extends RecordingTabComponent {
  protected readonly part = 'capture';
}
/** Fixity and seal (R21.4, R26.1). */
@Component({
  selector: 'efr-recording-tab-fixity', imports: [NgComponentOutlet], template: TAB_TEMPLATE,
})
export class FixityTabComponent extends RecordingTabComponent {
  protected readonly part = 'fixity';
}
/** Handover and retention (R21, R22). */
@Component({
  selector: 'efr-recording-tab-retention', imports: [NgComponentOutlet], template: TAB_TEMPLATE,
})
export class RetentionTabComponent extends RecordingTabComponent {
  protected readonly part = 'retention';
}
/** Linked cases, and linking for legal staff. */
@Component({
  selector: 'efr-recording-tab-cases', imports: [NgComponentOutlet], template: TAB_TEMPLATE,
})
export class CasesTabComponent extends RecordingTabComponent {
  protected readonly part = 'cases';
}
/** Chain of custody: the access log of the recording. */
@Component({
  selector: 'efr-recording-tab-custody', imports: [NgComponentOutlet], template: TAB_TEMPLATE,
})
export class CustodyTabComponent extends RecordingTabComponent {
  protected readonly part = 'custody';
}
/** The user's own viewing rights: play, pending request, or request viewing (R24). */
@Component({
  selector: 'efr-recording-tab-viewing', imports: [NgComponentOutlet], template: TAB_TEMPLATE,
})
export class ViewingTabComponent extends RecordingTabComponent {
  protected readonly part = 'viewing';
}

/** The tabs by the component id `efr.plugin.json`'s `features.sidebar.tabs` names. */
export const RECORDING_TABS: Readonly<Record<string, Type<unknown>>> = {
  'efr.recording.tab.capture': CaptureTabComponent,
  'efr.recording.tab.fixity': FixityTabComponent,
  'efr.recording.tab.retention': RetentionTabComponent,
  'efr.recording.tab.cases': CasesTabComponent,
  'efr.recording.tab.custody': CustodyTabComponent,
  'efr.recording.tab.viewing': ViewingTabComponent,
};
