import { DECIDERS, PROCESS_CATEGORIES, categoryOfEventType, describeEvent } from './processes';
import { JOINT_OPERATION_EVENT_TYPES } from './jointop';
import { NOTICE_EVENT_TYPES } from './notice';
import { REPATRIATION_EVENT_TYPES } from './repatriation';
import { SUSPECT_HANDOVER_EVENT_TYPES } from './handover';
import { VERIFICATION_EVENT_TYPES } from './verification';

describe('processes', () => {
  it('files each decider under its own stream category', () => {
    for (const category of PROCESS_CATEGORIES) expect(DECIDERS[category].category).toBe(category);
  });

  it('gives every event type to exactly one process', () => {
    const all = [
      ...VERIFICATION_EVENT_TYPES,
      ...REPATRIATION_EVENT_TYPES,
      ...SUSPECT_HANDOVER_EVENT_TYPES,
      ...JOINT_OPERATION_EVENT_TYPES,
      ...NOTICE_EVENT_TYPES,
    ];
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    ['VerificationClosed', 'verification'],
    ['RepatriationHandedOver', 'repatriation'],
    ['SuspectHandedOver', 'handover'],
    ['JointOperationCaseLinked', 'jointop'],
    ['HotlineTipRecorded', 'notice'],
    ['AuditSealed', undefined],
  ])('finds the process of %s', (type, category) => expect(categoryOfEventType(type)).toBe(category));

  it('describes any process event and leaves unknown ones alone', () => {
    expect(describeEvent({ type: 'VerificationClosed', data: {} })).toBe('Verification closed');
    expect(describeEvent({ type: 'SuspectHandedOver', data: { handedOverAt: 'x' } })).toBe(
      'Suspect handed over',
    );
    expect(describeEvent({ type: 'AuditSealed', data: {} })).toBeUndefined();
  });
});
