import { Type } from '@angular/core';

/**
 * Every EFR screen, by the key `efr.plugin.json`'s routes give in `data.screen`, each a lazy
 * chunk (issue 20): the lean shell turns a route into `loadComponent`, the Content App (whose
 * router maps a plugin route to one registered component, aca-shared 8.0.0
 * `RouterExtensionService`) mounts `efr.screen`, which loads the screen the same way.
 */
export const EFR_SCREENS: Readonly<Record<string, () => Promise<Type<unknown>>>> = {
  dashboard: () =>
    import('./dashboard/home/dashboard.smart-component').then((m) => m.DashboardSmartComponent),
  'recordings.list': () =>
    import('./recordings/list/recordings-list.smart-component')
      .then((m) => m.RecordingsListSmartComponent),
  'recordings.detail': () =>
    import('./recordings/detail/recording-detail.smart-component')
      .then((m) => m.RecordingDetailSmartComponent),
  'cases.list': () =>
    import('./cases/list/cases-list.smart-component').then((m) => m.CasesListSmartComponent),
  'cases.dossier': () =>
    import('./cases/dossier/case-dossier.smart-component').then((m) => m.CaseDossierSmartComponent),
  'handovers.list': () =>
    import('./handover/list/handovers-list.smart-component')
      .then((m) => m.HandoversListSmartComponent),
  'handovers.wizard': () =>
    import('./handover/wizard/handover-wizard.smart-component')
      .then((m) => m.HandoverWizardSmartComponent),
  'approvals.queues': () =>
    import('./approvals/queues/approvals-queues.smart-component')
      .then((m) => m.ApprovalsQueuesSmartComponent),
  'approvals.request': () =>
    import('./approvals/request-form/request-form.smart-component')
      .then((m) => m.RequestFormSmartComponent),
  'approvals.register': () =>
    import('./approvals/register/viewing-register.smart-component')
      .then((m) => m.ViewingRegisterSmartComponent),
  'approvals.accessLog': () =>
    import('./approvals/access-log/access-log.smart-component')
      .then((m) => m.AccessLogSmartComponent),
  evidenceDisc: () =>
    import('./evidence-disc/disc/evidence-disc.smart-component')
      .then((m) => m.EvidenceDiscSmartComponent),
  'devices.list': () =>
    import('./devices/list/devices-list.smart-component').then((m) => m.DevicesListSmartComponent),
  'devices.detail': () =>
    import('./devices/detail/device-detail.smart-component')
      .then((m) => m.DeviceDetailSmartComponent),
  'exemptions.list': () =>
    import('./exemptions/list/exemptions-list.smart-component')
      .then((m) => m.ExemptionsListSmartComponent),
  'exemptions.write': () =>
    import('./exemptions/write/exemption-write.smart-component')
      .then((m) => m.ExemptionWriteSmartComponent),
  playback: () =>
    import('./playback/player/player.smart-component').then((m) => m.PlayerSmartComponent),
  disposition: () =>
    import('./disposition/disposition.smart-component').then((m) => m.DispositionSmartComponent),
  fixity: () =>
    import('./fixity/status/fixity-status.smart-component')
      .then((m) => m.FixityStatusSmartComponent),
  'spotChecks.campaigns': () =>
    import('./spot-checks/campaigns/campaigns.smart-component')
      .then((m) => m.CampaignsSmartComponent),
  'spotChecks.campaign': () =>
    import('./spot-checks/campaign/campaign.smart-component').then((m) => m.CampaignSmartComponent),
  'spotChecks.violations': () =>
    import('./spot-checks/violations/violations.smart-component')
      .then((m) => m.ViolationsSmartComponent),
  'spotChecks.assessment': () =>
    import('./spot-checks/assessment/assessment.smart-component')
      .then((m) => m.AssessmentSmartComponent),
};
