import { closeCase } from '../../src/commands/closeCase';
import { execute } from '../../src/kernel/command';
import { recordRiskAssessment } from '../../src/commands/recordRiskAssessment';
import { ConflictError, ValidationError } from '../../src/domain/errors';
import { allRecords, auditOf, createOpenCase, createSubmittedReferral, getRecord } from '../support/cases';
import { expectRefused, fieldsOf } from '../support/refusals';
import { createWorld, FIXED_NOW, type World } from '../support/world';
import { expectHidden } from './expectHidden';

let world: World;
beforeEach(async () => (world = await createWorld()));
afterEach(() => world.close());

const assessment = (overrides: Record<string, unknown> = {}) => ({
  domains: [
    { domain: 'home_environment', rating: 'red', evidence: 'Invented: exits blocked by stored papers.', sourceAgencyId: 'ag-fire' },
    { domain: 'mental_health_substance_misuse', rating: 'amber', evidence: 'Invented: low mood reported.' },
  ],
  protectiveFactors: 'Invented: a neighbour checks in daily.',
  overallLevel: 'very_high',
  adultView: 'Invented: wants to keep the papers.',
  ...overrides,
});

describe('recordRiskAssessment', () => {
  it('records numbered versions, sets the case\'s risk level at a new version, and audits it', async () => {
    const open = await createOpenCase(world, { referrer: 'police', riskLevel: 'high' });
    const first = await execute(recordRiskAssessment, world.ctx('police'), { caseId: open.id, ...assessment(), expectedVersion: open.version });
    expect(first).toMatchObject({
      caseId: open.id, assessmentNumber: 1, assessedById: 'police', assessedAt: FIXED_NOW.toISOString(), overallLevel: 'very_high',
      domains: [
        { domain: 'home_environment', rating: 'red', evidence: 'Invented: exits blocked by stored papers.', sourceAgencyId: 'ag-fire' },
        { domain: 'mental_health_substance_misuse', rating: 'amber', evidence: 'Invented: low mood reported.' },
      ],
    });
    const afterFirst = (await getRecord(world, 'cases', open.id))!;
    expect(afterFirst).toMatchObject({ riskLevel: 'very_high', riskLevelAtAcceptance: 'high', version: open.version + 1 });
    expect((await auditOf(world, open.id)).at(-1)).toMatchObject({
      action: 'update',
      change: { riskAssessment: { id: first.id, assessmentNumber: 1 }, riskLevel: { from: 'high', to: 'very_high' } },
    });

    // The chair records the next version without naming a version: still numbered after the first.
    const second = await execute(recordRiskAssessment, world.ctx('chair'), { caseId: open.id, ...assessment({ overallLevel: 'medium' }) });
    expect(second.assessmentNumber).toBe(2);
    expect((await getRecord(world, 'cases', open.id))!.riskLevel).toBe('medium');
    expect(await allRecords(world, 'riskAssessments')).toHaveLength(2);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no domains', { domains: [] }, ['domains']],
    ['a domain rated twice', {
      domains: [
        { domain: 'daily_living', rating: 'red', evidence: 'Invented.' },
        { domain: 'daily_living', rating: 'green', evidence: 'Invented.' },
      ],
    }, ['domains.1.domain']],
    ['an unknown domain', { domains: [{ domain: 'astrology', rating: 'red', evidence: 'Invented.' }] }, ['domains.0.domain']],
    ['a rating outside RAG', { domains: [{ domain: 'daily_living', rating: 'purple', evidence: 'Invented.' }] }, ['domains.0.rating']],
    ['blank evidence', { domains: [{ domain: 'daily_living', rating: 'red', evidence: ' ' }] }, ['domains.0.evidence']],
    ['an unknown source agency', { domains: [{ domain: 'daily_living', rating: 'red', evidence: 'Invented.', sourceAgencyId: 'ag-nowhere' }] }, ['domains.0.sourceAgencyId']],
    ['an unknown overall level', { overallLevel: 'extreme' }, ['overallLevel']],
    ['no adult\'s view', { adultView: undefined }, ['adultView']],
    ['an assessment number from the caller', { assessmentNumber: 7 }, ['assessmentNumber']],
  ])('refuses %s, naming the field and changing nothing', async (_label, overrides, fields) => {
    const open = await createOpenCase(world);
    const err = await expectRefused(world, () => execute(recordRiskAssessment, world.ctx('police'), { caseId: open.id, ...assessment(overrides) }), ValidationError);
    expect(fieldsOf(err)).toEqual(fields);
  });

  it.each(['fire', 'health', 'viewer'] as const)('answers %s, who cannot see the case, as for a missing one and audits the refusal', async (persona) => {
    const open = await createOpenCase(world, { referrer: 'police' });
    await expectHidden(world, () => execute(recordRiskAssessment, world.ctx(persona), { caseId: open.id, ...assessment() }), { type: 'case', id: open.id });
  });

  it('refuses an assessment of a referral not yet accepted, and of a closed case', async () => {
    const referral = await createSubmittedReferral(world);
    const err = await expectRefused(world, () => execute(recordRiskAssessment, world.ctx('coordinator'), { caseId: referral.id, ...assessment() }), ConflictError);
    expect(err.message).toMatch(/only when the case is open or escalated; CASPA-2026-0001 is submitted/);

    const open = await createOpenCase(world);
    await execute(closeCase, world.ctx('coordinator'), { caseId: open.id, reason: 'risk_reduced', rationale: 'Invented: managed.' });
    await expectRefused(world, () => execute(recordRiskAssessment, world.ctx('coordinator'), { caseId: open.id, ...assessment() }), ConflictError);
  });

  it('refuses an assessment made from a stale read of the case', async () => {
    const open = await createOpenCase(world);
    await execute(recordRiskAssessment, world.ctx('police'), { caseId: open.id, ...assessment(), expectedVersion: open.version });
    const err = await expectRefused(
      world,
      () => execute(recordRiskAssessment, world.ctx('police'), { caseId: open.id, ...assessment(), expectedVersion: open.version }),
      ConflictError,
    );
    expect(err.message).toMatch(/Someone else changed this record/);
  });
});
