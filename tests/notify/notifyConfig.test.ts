import { ConfigError, DEFAULT_NOTIFY, loadConfig, notifySettingsOf } from '../../src/config';

describe('the proactive-card settings', () => {
  it('default to a 07:00 scan, reminders 3 days ahead, escalation after 14 days overdue, the outbox every 10 s', () => {
    expect(loadConfig({}).notify).toEqual({
      scanTime: '07:00', reminderDaysBefore: 3, escalationDaysOverdue: 14, outboxIntervalSeconds: 10, schedulerEnabled: true,
    });
    // A configuration built by hand (tests) without them gets the same defaults.
    expect(notifySettingsOf({})).toBe(DEFAULT_NOTIFY);
  });

  it('are read from the environment', () => {
    const config = loadConfig({
      SCAN_TIME: '06:30', REMINDER_DAYS_BEFORE: '5', ESCALATION_DAYS_OVERDUE: '28', OUTBOX_INTERVAL_SECONDS: '30',
      PARTNERSHIP_CHANNEL_ID: '19:abc123@thread.tacv2', SCHEDULER: 'off',
    });
    expect(config.notify).toEqual({
      scanTime: '06:30', reminderDaysBefore: 5, escalationDaysOverdue: 28, outboxIntervalSeconds: 30,
      partnershipChannelId: '19:abc123@thread.tacv2', schedulerEnabled: false,
    });
  });

  it.each([
    [{ SCAN_TIME: '7am' }, /SCAN_TIME/],
    [{ SCAN_TIME: '24:00' }, /SCAN_TIME/],
    [{ REMINDER_DAYS_BEFORE: 'three' }, /REMINDER_DAYS_BEFORE/],
    [{ REMINDER_DAYS_BEFORE: '-1' }, /REMINDER_DAYS_BEFORE/],
    [{ ESCALATION_DAYS_OVERDUE: '0' }, /ESCALATION_DAYS_OVERDUE/],
    [{ OUTBOX_INTERVAL_SECONDS: '0.5' }, /OUTBOX_INTERVAL_SECONDS/],
    [{ PARTNERSHIP_CHANNEL_ID: 'general channel <script>' }, /PARTNERSHIP_CHANNEL_ID/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
