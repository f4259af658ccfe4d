import { DEFAULT_EXEMPTION_REMIND_HOURS, exemptionReminder } from './index.js';
import type { ExemptionClock } from './index.js';

const written: ExemptionClock = {
  status: 'written',
  writtenAt: '2026-03-01T08:00:00+08:00',
  acknowledgedAt: null,
};

describe('exemption reminders (R11.2)', () => {
  it('R11.2: waits for the leader from the writing time', () => {
    expect(exemptionReminder(written, '2026-03-01T10:00:00Z', 24)).toEqual({
      waitingFor: 'leader',
      dueAt: '2026-03-02T00:00:00.000Z',
      overdue: false,
    });
    expect(exemptionReminder(written, '2026-03-02T00:00:00Z', 24).overdue).toBeFalse();
    expect(exemptionReminder(written, '2026-03-02T00:00:00.001Z', 24).overdue).toBeTrue();
  });
  it('R11.2: waits for the office from the acknowledgement', () => {
    const ack: ExemptionClock = {
      ...written,
      status: 'acknowledged',
      acknowledgedAt: '2026-03-03T00:00:00Z',
    };
    expect(exemptionReminder(ack, '2026-03-03T05:00:00Z', 4)).toEqual({
      waitingFor: 'office',
      dueAt: '2026-03-03T04:00:00.000Z',
      overdue: true,
    });
  });
  it('R11.2: a filed record waits for nobody', () => {
    const filed: ExemptionClock = {
      ...written,
      status: 'filed',
      acknowledgedAt: written.writtenAt,
    };
    expect(exemptionReminder(filed, '2030-01-01T00:00:00Z')).toEqual({
      waitingFor: null,
      dueAt: null,
      overdue: false,
    });
  });
  it('R11.2: an unreadable start time is shown as overdue', () => {
    const bad: ExemptionClock = { status: 'acknowledged', writtenAt: 'x', acknowledgedAt: null };
    expect(exemptionReminder(bad, '2026-03-01T00:00:00Z').overdue).toBeTrue();
  });
  it('uses 24 hours by default and refuses a bad setting or now', () => {
    expect(DEFAULT_EXEMPTION_REMIND_HOURS).toBe(24);
    expect(() => exemptionReminder(written, '2026-03-01T00:00:00Z', 0)).toThrowError(RangeError);
    expect(() => exemptionReminder(written, 'yesterday')).toThrowError(RangeError);
  });
});
