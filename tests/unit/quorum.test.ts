import { assessQuorum, coreAgenciesNeeded, quorumRuleProblems, type QuorumAttendance } from '../../src/domain/quorum';
import { ValidationError } from '../../src/domain/errors';
import type { QuorumRule } from '../../src/domain/records';

// Five invented core agencies; the chair (m-chair) sits for the council.
const CORE = ['council', 'police', 'nhs', 'fire', 'probation'];
const NAMES: Record<string, string> = { council: 'Council', police: 'Police', nhs: 'NHS', fire: 'Fire', probation: 'Probation' };
const name = (id: string) => NAMES[id] ?? id;
const rule = (over: Partial<QuorumRule> = {}): QuorumRule => ({ coreAgencyIds: CORE, minCoreShare: 0.6, chairRequired: true, ...over });
const chair: QuorumAttendance = { memberId: 'm-chair', agencyId: 'council', status: 'present' };
const person = (agencyId: string, status: QuorumAttendance['status'] = 'present', memberId = `m-${agencyId}`): QuorumAttendance =>
  ({ memberId, agencyId, status });

describe('quorum', () => {
  it('the chair plus 60% of five core agencies (3) is quorate', () => {
    const q = assessQuorum(rule(), [chair, person('police'), person('nhs')], ['m-chair'], name);
    expect(q).toEqual({
      quorate: true, chairPresent: true, chairRequired: true, coreAgenciesPresent: ['council', 'police', 'nhs'],
      coreAgenciesMissing: ['fire', 'probation'], coreAgenciesNeeded: 3, reasons: [],
    });
  });

  it('0.6 of 5 needs 3, not 4 (floating point), and a share rounds up: half of 5 needs 3', () => {
    expect(coreAgenciesNeeded(rule({ minCoreShare: 0.6 }))).toBe(3);
    expect(coreAgenciesNeeded(rule({ minCoreShare: 0.5 }))).toBe(3);
    expect(coreAgenciesNeeded(rule({ minCoreShare: 1 }))).toBe(5);
    expect(coreAgenciesNeeded(rule({ minCoreShare: 0 }))).toBe(0);
  });

  it('one core agency short: not quorate, and says which are missing', () => {
    const q = assessQuorum(rule(), [chair, person('police')], ['m-chair'], name);
    expect(q.quorate).toBe(false);
    expect(q.coreAgenciesMissing).toEqual(['nhs', 'fire', 'probation']);
    expect(q.reasons).toEqual(['2 of 5 core agencies present; 3 needed. Not present: NHS, Fire, Probation.']);
  });

  it('observers and apologies (with or without information) do not count as present', () => {
    const q = assessQuorum(
      rule(),
      [chair, person('police', 'observer'), person('nhs', 'apologies_info_sent'), person('fire', 'apologies_no_info'), person('probation', 'absent')],
      ['m-chair'],
    );
    expect(q.quorate).toBe(false);
    expect(q.coreAgenciesPresent).toEqual(['council']);
  });

  it('one person present is enough for their agency, whatever colleagues sent apologies', () => {
    const q = assessQuorum(rule(), [chair, person('police', 'apologies_no_info', 'm-p1'), person('police', 'present', 'm-p2'), person('nhs')], ['m-chair']);
    expect(q.quorate).toBe(true);
  });

  it('without the chair it is not quorate when the rule needs a chair, even with every agency there', () => {
    const all = CORE.map((a) => person(a));
    const q = assessQuorum(rule(), all, ['m-chair'], name);
    expect(q).toMatchObject({ quorate: false, chairPresent: false, reasons: ['The chair (or a named deputy) is not present.'] });
    expect(assessQuorum(rule({ chairRequired: false }), all, ['m-chair'])).toMatchObject({ quorate: true, chairPresent: false });
  });

  it('a chair who is only observing or sent apologies is not present; a named deputy present is', () => {
    const others = [person('police'), person('nhs')];
    expect(assessQuorum(rule(), [{ ...chair, status: 'observer' }, person('council'), ...others], ['m-chair']).chairPresent).toBe(false);
    expect(assessQuorum(rule(), [{ ...chair, status: 'apologies_info_sent' }, person('council', 'present', 'm-deputy'), ...others], ['m-chair', 'm-deputy']).quorate).toBe(true);
  });

  it('both reasons when both fail; non-core agencies do not count toward the share', () => {
    const q = assessQuorum(rule(), [person('police'), person('charity'), person('housing')], ['m-chair'], name);
    expect(q.reasons).toEqual([
      'The chair (or a named deputy) is not present.',
      '1 of 5 core agencies present; 3 needed. Not present: Council, NHS, Fire, Probation.',
    ]);
  });

  it('refuses a rule that makes no sense', () => {
    expect(quorumRuleProblems(rule({ minCoreShare: 1.5 }))).toEqual([{ field: 'quorum.minCoreShare', message: expect.any(String) }]);
    expect(quorumRuleProblems(rule({ coreAgencyIds: ['police', 'police'] }))[0]!.field).toBe('quorum.coreAgencyIds');
    expect(quorumRuleProblems(rule())).toEqual([]);
    expect(() => assessQuorum(rule({ minCoreShare: Number.NaN }), [chair], ['m-chair'])).toThrow(ValidationError);
  });
});
