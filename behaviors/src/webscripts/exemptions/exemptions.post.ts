/**
 * POST /efr/exemptions: an officer writes the work record of an act not recorded, after the
 * act (R11.1, R11.2); reported to the case's leader in charge or the leader named.
 */
import {
  ACTIVITY_TYPES,
  checkExemption,
  GROUP_EFR_LEADERS,
  GROUP_EFR_OFFICERS,
  isMember,
  isOneOf,
  refuse,
} from '../../../../core/src/index.js';
import { currentActor, groupsOf } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { plainString } from '../../lib/java-values.js';
import { nodeProp } from '../../lib/model-names.js';
import {
  archiveFolder,
  enforce,
  isUserInGroup,
  jsonBody,
  logStep,
  nodeOfType,
  respond,
  runWebScript,
} from '../../lib/ws-runtime.js';
import { EXEMPTIONS_FOLDER, exemptionJson, remindHours } from './exemption-json.js';

runWebScript(() => {
  // This transaction's writes are a workflow step: the module's guard lets them through.
  const b = jsonBody();
  const actor = currentActor();
  const folder = archiveFolder(EXEMPTIONS_FOLDER);
  const str = (k: string): string => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
  if (!isMember(actor, GROUP_EFR_OFFICERS)) {
    enforce(
      refuse(
        403,
        'efr.exemption.notOfficer',
        'R11.2',
        'Only enforcement officers write these records.',
        '仅执法人员可以填写免录记录。',
      ),
      'exemption.write',
      null,
    );
  }
  const now = nowIso();
  const actAt = str('actAt');
  enforce(
    checkExemption({
      author: actor.userName,
      ground: str('ground'),
      basis: str('basis'),
      actEndedAt: actAt,
      writtenAt: now,
    }),
    'exemption.write',
    null,
  );
  if (!isOneOf(ACTIVITY_TYPES, b.activityType) || str('location') === '') {
    enforce(
      refuse(
        422,
        'efr.exemption.act',
        'R10.1',
        'Describe the act: its activity type and place.',
        '请填写执法活动类型和地点。',
      ),
      'exemption.write',
      null,
    );
  }
  const theCase = str('caseId') !== '' ? nodeOfType(str('caseId'), 'efr:case') : null;
  const leader =
    (theCase !== null ? plainString(nodeProp(theCase, 'efr:leaderInCharge')) : null) ||
    str('leader');
  if (
    leader === '' ||
    leader === actor.userName ||
    !isUserInGroup(leader, GROUP_EFR_LEADERS, groupsOf)
  ) {
    enforce(
      refuse(
        422,
        'efr.exemption.leader',
        'R11.2',
        'Name the bureau leader in charge the record is reported to.',
        '请指定报告的局分管领导。',
      ),
      'exemption.write',
      null,
    );
  }
  const props: Record<string, unknown> = {
    'efr:actAt': new Date(Date.parse(actAt)),
    'efr:exemptionGround': str('ground'),
    'efr:basis': str('basis'),
    'efr:writtenAt': new Date(now),
    'efr:leader': leader,
    'efr:exemptionStatus': 'written',
    'efr:officer': actor.userName,
    'efr:activityType': b.activityType,
    'efr:location': str('location'),
  };
  if (str('coOfficer') !== '') props['efr:coOfficer'] = str('coOfficer');
  const name =
    '免录-' + now.replace(/[-:TZ.]/g, '').substring(0, 17) + '-' + Math.floor(Math.random() * 1e6);
  const node = folder.createNode(name, 'efr:exemption', props);
  if (theCase !== null) {
    node.createAssociation(theCase, 'efr:exemptionCase');
    const num = plainString(nodeProp(theCase, 'efr:caseNumber'));
    if (num !== null && node.addAspect)
      node.addAspect('efr:caseNumbered', { 'efr:caseNumber': num });
  }
  logStep('exemption.write', node, { ground: str('ground'), leader, by: actor.userName });
  respond(201, { entry: exemptionJson(node, now, remindHours()) });
});
