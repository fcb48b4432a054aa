import { RISK_DOMAINS, type RagRating, type RiskDomain, type RiskLevel } from '../domain/enums';
import type { RiskAssessment } from '../domain/records';

/** What changed from one version of a case's risk assessment to the next. */
export interface RiskAssessmentChange {
  assessmentNumber: number;
  previousAssessmentNumber: number;
  assessedAt: string;
  assessedById: string;
  /** Domains whose rating differs, in the framework's order; null where the domain was not rated in that version. */
  domains: { domain: RiskDomain; from: RagRating | null; to: RagRating | null }[];
  overallLevelChanged: boolean;
  overallLevel: { from: RiskLevel; to: RiskLevel };
}

const ratings = (a: RiskAssessment) => new Map(a.domains.map((d) => [d.domain, d.rating]));

/** One entry for each version after the first (assessments in any order; compared in assessment-number order). */
export function riskAssessmentChanges(assessments: readonly RiskAssessment[]): RiskAssessmentChange[] {
  const ordered = [...assessments].sort((a, b) => a.assessmentNumber - b.assessmentNumber);
  return ordered.slice(1).map((current, i) => {
    const previous = ordered[i]!;
    const before = ratings(previous);
    const after = ratings(current);
    return {
      assessmentNumber: current.assessmentNumber,
      previousAssessmentNumber: previous.assessmentNumber,
      assessedAt: current.assessedAt,
      assessedById: current.assessedById,
      domains: RISK_DOMAINS.filter((d) => before.get(d) !== after.get(d)).map((domain) => ({
        domain,
        from: before.get(domain) ?? null,
        to: after.get(domain) ?? null,
      })),
      overallLevelChanged: previous.overallLevel !== current.overallLevel,
      overallLevel: { from: previous.overallLevel, to: current.overallLevel },
    };
  });
}
