import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { CaseStatus, RiskCategory, RiskLevel } from '../../../src/domain/enums';
import { RISK_CATEGORY_LABELS, RISK_LEVEL_LABELS, STATUS_LABELS } from '../labels';

const statusColor: Record<CaseStatus, BadgeProps['color']> = {
  draft: 'subtle',
  submitted: 'informative',
  info_requested: 'warning',
  listed: 'informative',
  deferred: 'warning',
  declined: 'subtle',
  withdrawn: 'subtle',
  open: 'brand',
  escalated: 'danger',
  closed: 'subtle',
};

const riskColor: Record<RiskLevel, BadgeProps['color']> = { low: 'success', medium: 'warning', high: 'danger', very_high: 'danger' };

// Badges carry their meaning in words, never in colour alone (WCAG 1.4.1).
export const StatusBadge = ({ status }: { status: CaseStatus }) => (
  <Badge appearance="tint" color={statusColor[status]} shape="rounded">
    {STATUS_LABELS[status]}
  </Badge>
);

export const RiskBadge = ({ level }: { level: RiskLevel | null | undefined }) =>
  level ? (
    <Badge appearance={level === 'very_high' ? 'filled' : 'tint'} color={riskColor[level]} shape="rounded">
      {RISK_LEVEL_LABELS[level]}
    </Badge>
  ) : null;

/** Risk categories as a wrapping row of badges. */
export function CategoryBadges({ categories }: { categories: readonly RiskCategory[] | undefined }) {
  if (!categories?.length) return null;
  return (
    <span style={{ display: 'flex', flexWrap: 'wrap', gap: '4px' }}>
      {categories.map((cat) => (
        <Badge key={cat} appearance="tint" color="informative" shape="rounded">
          {RISK_CATEGORY_LABELS[cat]}
        </Badge>
      ))}
    </span>
  );
}
