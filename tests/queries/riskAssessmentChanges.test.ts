import { execute } from '../../src/kernel/command';
import { recordRiskAssessment } from '../../src/commands/recordRiskAssessment';
import { runQuery } from '../../src/queries';
import { type FullCaseView, getCase } from '../../src/queries/getCase';
import { riskAssessmentChanges } from '../../src/queries/riskAssessmentChanges';
import { createOpenCase } from '../support/cases';
import { makeRiskAssessment } from '../support/records';
import { createWorld, type World } from '../support/world';

describe('riskAssessmentChanges', () => {
  it('is empty for no assessment or one', () => {
    expect(riskAssessmentChanges([])).toEqual([]);
    expect(riskAssessmentChanges([makeRiskAssessment({ caseId: 'c' })])).toEqual([]);
  });

  it('names, for each version after the first, the domains whose rating changed (added and dropped too) and the overall level', () => {
    const v1 = makeRiskAssessment({
      caseId: 'c', assessmentNumber: 1, overallLevel: 'high',
      domains: [
        { domain: 'money_management', rating: 'amber', evidence: 'Invented.' },
        { domain: 'home_environment', rating: 'red', evidence: 'Invented.' },
        { domain: 'daily_living', rating: 'green', evidence: 'Invented.' },
      ],
    });
    const v2 = makeRiskAssessment({
      caseId: 'c', assessmentNumber: 2, overallLevel: 'high', assessedAt: '2026-06-01T10:00:00.000Z', assessedById: 'health',
      domains: [
        { domain: 'home_environment', rating: 'amber', evidence: 'Invented: some exits cleared.' },
        { domain: 'daily_living', rating: 'green', evidence: 'Invented: evidence changed, rating did not.' },
        { domain: 'public_safety', rating: 'red', evidence: 'Invented.' },
      ],
    });
    const v3 = makeRiskAssessment({ caseId: 'c', assessmentNumber: 3, overallLevel: 'medium', domains: v2.domains });
    // Given out of order: compared in assessment-number order.
    expect(riskAssessmentChanges([v3, v1, v2])).toEqual([
      {
        assessmentNumber: 2, previousAssessmentNumber: 1, assessedAt: '2026-06-01T10:00:00.000Z', assessedById: 'health',
        domains: [
          { domain: 'home_environment', from: 'red', to: 'amber' },
          { domain: 'money_management', from: 'amber', to: null },
          { domain: 'public_safety', from: null, to: 'red' },
        ],
        overallLevelChanged: false,
        overallLevel: { from: 'high', to: 'high' },
      },
      expect.objectContaining({ assessmentNumber: 3, domains: [], overallLevelChanged: true, overallLevel: { from: 'high', to: 'medium' } }),
    ]);
  });

  describe('in the full case view', () => {
    let world: World;
    beforeEach(async () => (world = await createWorld()));
    afterEach(() => world.close());

    it('comes with the assessments recorded by the command', async () => {
      const open = await createOpenCase(world);
      const base = { caseId: open.id, protectiveFactors: 'Invented.', adultView: 'Invented.' };
      await execute(recordRiskAssessment, world.ctx('police'), { ...base, overallLevel: 'high', domains: [{ domain: 'home_environment', rating: 'red', evidence: 'Invented.' }] });
      await execute(recordRiskAssessment, world.ctx('police'), { ...base, overallLevel: 'medium', domains: [{ domain: 'home_environment', rating: 'amber', evidence: 'Invented.' }] });
      const view = (await runQuery(getCase, world.ctx('police'), { caseId: open.id })) as FullCaseView;
      expect(view.riskAssessments.map((a) => a.assessmentNumber)).toEqual([1, 2]);
      expect(view.riskAssessmentChanges).toEqual([
        expect.objectContaining({
          assessmentNumber: 2, domains: [{ domain: 'home_environment', from: 'red', to: 'amber' }], overallLevelChanged: true, overallLevel: { from: 'high', to: 'medium' },
        }),
      ]);
      expect(view.case.riskLevel).toBe('medium');
    });
  });
});
