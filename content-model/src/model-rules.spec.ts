// Regressions: what each requirement needs the model to store, checked on the joined models
// (efr-model.xml over the cm/sys subset) the way server/ will read them.
import { effectiveProperties, isSubClassOf, loadEfrModelSet } from './model-set.js';
import type { AssociationDef, ModelSet, PropertyDef } from './model-types.js';
import { EFR_ASPECTS, EFR_ASSOCS, EFR_PROPS as P, EFR_TYPES as T } from './qnames.js';

describe('model regressions by requirement', () => {
  let set: ModelSet;
  beforeAll(() => {
    set = loadEfrModelSet();
  });

  /** The property `name` as a node of type `type` has it (own, inherited or by aspect). */
  function prop(type: string, name: string): PropertyDef {
    const p = effectiveProperties(set, type).get(name);
    if (p === undefined) throw new Error(`${type} has no ${name}`);
    return p;
  }

  function assoc(type: string, name: string): AssociationDef {
    const a = set.classes.get(type)?.associations.find((x) => x.name === name);
    if (a === undefined) throw new Error(`${type} has no association ${name}`);
    return a;
  }

  /**
   * efr:officer is mandatory without enforcement (issue 19): a violation the system proposes (a
   * fixity alert) names nobody until someone is found responsible, and Alfresco allows neither
   * a second definition of the property nor relaxing an inherited mandatory one
   * (M2PropertyDefinition.java l. 203-209, alfresco-community-repo 25.5.0.31). So ACS tags a
   * node without it `sys:incomplete` instead of refusing the commit (PropertiesIntegrityEvent
   * l. 165 refuses enforced ones only), and core's rules refuse a record a person writes without
   * an officer: the handover (efr.handover.officerMissing, core/src/handover-receipt.spec.ts),
   * the exemption record (efr.exemption.author) and a registered violation
   * (efr.violation.subject, core/src/violation-rules.spec.ts).
   */
  function expectOfficerByRule(type: string): void {
    const p = prop(type, P.officer);
    expect(p.mandatory && !p.mandatoryEnforced).withContext(`${type} ${P.officer}`).toBeTrue();
  }

  /** Whether every property is on the type and mandatory with enforcement. */
  function expectRequired(type: string, names: string[]): void {
    for (const n of names) {
      const p = prop(type, n);
      expect(p.mandatory && p.mandatoryEnforced).withContext(`${type} ${n}`).toBeTrue();
    }
  }

  it('R3.1/R3.2 a case is a folder of text records, each of a kind and a stage', () => {
    expect(isSubClassOf(set, T.case, 'cm:folder')).toBeTrue();
    expect(isSubClassOf(set, T.textRecord, 'cm:content')).toBeTrue();
    expectRequired(T.textRecord, [P.documentKind, P.stage]);
    expect(prop(T.case, P.stages).multiple).toBeTrue();
  });

  it('R2.1/R24.1 a case records its act type, handler and leader in charge', () => {
    expectRequired(T.case, [P.caseNumber, P.actType, P.handler, P.leaderInCharge, P.unit]);
    expect(prop(T.case, 'cm:title').type).toBe('d:mltext');
  });

  it('R15.2/R16.1/R7.1/R10.1 a recording keeps who, how and what was recorded', () => {
    expectOfficerByRule(T.recording);
    expectRequired(T.recording, [P.recorder, P.deviceSerial, P.activityType,
      P.location, P.recordingStart, P.recordingEnd, P.partyNotified, P.source]);
    expect(prop(T.recording, P.coOfficer).mandatory).toBeFalse();
    expect(prop(T.recording, P.partyNotified).type).toBe('d:boolean');
    expect(prop(T.recording, P.recordingStart).type).toBe('d:datetime');
  });

  it('R26.1 fixity of a recording is fixed at ingest and protected from editing', () => {
    expectRequired(T.recording, [P.sha256, P.sizeBytes]);
    for (const n of [P.sha256, P.sizeBytes, P.sealedAt, P.sealedBy1, P.sealedBy2]) {
      expect(prop(T.recording, n).protected).withContext(n).toBeTrue();
    }
    expect(prop(T.recording, P.sha256).index?.tokenised).toBe('false');
  });

  it('R17.1 a recording belongs to a declared session and has its place in it', () => {
    expectRequired(T.recording, [P.sessionId, P.segmentIndex]);
    expectRequired(T.session, [P.sessionId, P.sessionStart, P.sessionEnd, P.segmentCount]);
  });

  it('R21.1/R21.2/R21.4 a handover has its deadline and two receipts with hash lists', () => {
    expectRequired(T.handover, [P.returnedAt, P.awayWork, P.fieldWorkEnd, P.deadline, P.late]);
    for (const n of [P.receipt1By, P.receipt1At, P.receipt2By, P.receipt2At]) prop(T.handover, n);
    for (const n of [P.declaredHashes, P.receipt1Hashes, P.receipt2Hashes]) {
      expect(prop(T.handover, n).multiple).withContext(n).toBeTrue();
    }
    expect(assoc(T.handover, EFR_ASSOCS.handoverRecordings).sourceMany).toBeFalse();
  });

  it('R22.1/R22.2 records and discs carry retention; a case has years or permanent', () => {
    for (const t of [T.recording, T.textRecord, T.evidencePackage, T.case]) {
      expect(set.classes.get(t)?.mandatoryAspects).withContext(t).toContain(EFR_ASPECTS.retention);
    }
    expect(prop(T.case, P.retentionYears).constraints[0].parameters.minValue).toBe('1');
    expect(prop(T.recording, P.retentionPermanent).defaultValue).toBe('false');
  });

  it('R14.2 a hold for a complaint can be placed on any record', () => {
    expect(set.classes.get(EFR_ASPECTS.legalHold)?.isAspect).toBeTrue();
    expectRequired(EFR_ASPECTS.legalHold, [P.holdReason, P.holdSince, P.holdBy]);
  });

  it('R24.1/R24.2 a viewing request has review, approval and registration', () => {
    expectRequired(T.accessRequest, [P.requester, P.purpose, P.reason, P.requestStatus]);
    for (const n of [P.approver, P.registrar, P.viewer, P.viewReason, P.windowTo]) {
      prop(T.accessRequest, n);
    }
    expectRequired(EFR_ASPECTS.reviewed, [P.reviewer, P.reviewedAt]);
    expect(assoc(T.accessRequest, EFR_ASSOCS.requestRecordings).targetMandatory).toBeTrue();
  });

  it('R23.1 an evidence disc names producer, extractor and time, and links case and files', () => {
    expectRequired(T.evidencePackage, [P.caseNumber, P.producer, P.extractor, P.extractionTime,
      P.discLabel, P.medium]);
    // The image is built after the request (efr worker, issue 15): its fixity is optional in the
    // model and required by core once the job is built (a built package without it is refused).
    for (const n of [P.imageSha256, P.imageSize]) expect(prop(T.evidencePackage, n).mandatory).toBeFalse();
    expectRequired(EFR_ASPECTS.packageJob, [P.jobState]);
    expect(assoc(T.evidencePackage, EFR_ASSOCS.packageCase).targetMany).toBeFalse();
    expect(assoc(T.evidencePackage, EFR_ASSOCS.packageRecordings).targetMandatory).toBeTrue();
  });

  it('R11.1/R11.2 an exemption record states ground and basis and is reported and filed', () => {
    expectOfficerByRule(T.exemption);
    expectRequired(T.exemption, [P.exemptionGround, P.basis, P.writtenAt, P.leader,
      P.activityType, P.actAt]);
    expect(prop(T.exemption, P.basis).constraints[0].parameters.minLength).toBe('10');
  });

  it('R12.1/R13.1/R15.1 a device has its unit head and status; checks keep the four facts', () => {
    expectRequired(T.device, [P.deviceSerial, P.unit, P.unitHead, P.custodian, P.deviceStatus]);
    expectRequired(T.deviceCheck, [P.deviceWorking, P.batteryPercent, P.freeStorageMb,
      P.clockOffsetSeconds, P.checkedAt, P.checkedBy]);
    expect(assoc(T.deviceEvent, EFR_ASSOCS.eventDevice).targetMandatory).toBeTrue();
  });

  it('R27.1 every recording has a secrecy level, none by default', () => {
    expect(prop(T.recording, P.secrecyLevel).defaultValue).toBe('none');
    expectRequired(T.recording, [P.secrecyLevel]);
  });

  it('R28.1/R28.2 a spot check keeps its seed and a finding the three items', () => {
    expectRequired(T.spotCheck, [P.seed, P.proportion, P.periodFrom, P.periodTo]);
    for (const n of [P.itemRecorded, P.itemContinuous, P.itemHandled, P.itemRecordedNote,
      P.placementObservation, P.conductObservation]) prop(T.finding, n);
    expect(assoc(T.finding, EFR_ASSOCS.findingRecording).targetMany).toBeFalse();
  });

  it('R29.1/R30.1 a violation and the measure answering it', () => {
    expectOfficerByRule(T.violation);
    expectRequired(T.violation, [P.violationKind, P.violationStatus, P.proposedBy]);
    expectRequired(T.accountability, [P.measure, P.decidedBy, P.decidedAt]);
    expect(assoc(T.accountability, EFR_ASSOCS.accountabilityViolation).targetClass)
      .toBe(T.violation);
  });
});
