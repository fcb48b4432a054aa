import { capacityIndicator } from '../../../src/domain/indicators/capacity';
import { voiceIndicator } from '../../../src/domain/indicators/voice';
import { makeCase } from '../../support/records';
import { scopeOf } from './support';

const cases = [
  makeCase({ receivedAt: '2026-03-02T10:00:00.000Z', adultViews: 'Invented: wants to stay home.', advocacyNeeded: true, capacity: 'presumed' }),
  makeCase({ receivedAt: '2026-03-03T10:00:00.000Z', adultViews: '   ', adultAware: false, capacity: 'assessed_has_capacity' }),
  makeCase({ receivedAt: '2026-03-04T10:00:00.000Z', referrerAgencyId: 'ag-health', adultViews: '', advocacyNeeded: true, capacity: 'lacks_capacity_best_interests' }),
  makeCase({ receivedAt: '2026-04-04T10:00:00.000Z', capacity: 'lacks_capacity_best_interests' }),
];

describe("indicator: the adult's views recorded and advocacy", () => {
  it('counts views recorded (blank is not recorded), advocacy needed and awareness on the period\'s referrals', () => {
    expect(voiceIndicator(cases, scopeOf('2026-03'))).toEqual({
      referrals: 3, viewsRecorded: 1, viewsRecordedShare: 0.333, advocacyNeeded: 2, adultAware: 2, adultAwareShare: 0.667,
    });
  });
  it('one agency, and an empty period', () => {
    expect(voiceIndicator(cases, scopeOf('2026-03', 'ag-health'))).toMatchObject({ referrals: 1, viewsRecorded: 0, advocacyNeeded: 1 });
    expect(voiceIndicator(cases, scopeOf('2026-05'))).toMatchObject({ referrals: 0, viewsRecordedShare: null, adultAwareShare: null });
  });
});

describe('indicator: capacity considered', () => {
  it('counts each capacity state, and assessed rather than presumed', () => {
    expect(capacityIndicator(cases, scopeOf('2026-03'))).toEqual({
      referrals: 3,
      byState: [{ key: 'presumed', count: 1 }, { key: 'assessed_has_capacity', count: 1 }, { key: 'lacks_capacity_best_interests', count: 1 }],
      assessed: 2,
      assessedShare: 0.667,
    });
  });
  it('one agency, and an empty period', () => {
    expect(capacityIndicator(cases, scopeOf('2026-03', 'ag-police'))).toMatchObject({ referrals: 2, assessed: 1, assessedShare: 0.5 });
    expect(capacityIndicator(cases, scopeOf('2026-05'))).toMatchObject({ referrals: 0, assessed: 0, assessedShare: null });
  });
});
