import { GroupedVerticalBarChart, VerticalBarChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { IndicatorsView } from '../../../../src/contract';
import { RISK_LEVEL_LABELS } from '../../../../src/domain/labels';

// This module is the only one that imports @fluentui/react-charts; ReportsPage loads it with React.lazy, so the
// charts' code downloads only when someone opens the Reports page. Every chart has its data as a table beside it.

const BAR = tokens.colorBrandBackground;
const SECOND = tokens.colorPaletteDarkOrangeBorderActive;

export type ChartName = 'referralsByMonth' | 'referralsByAgency' | 'riskChange';

export default function ReportChart({ name, view, agencyName }: { name: ChartName; view: IndicatorsView; agencyName: (id: string) => string }) {
  if (name === 'referralsByMonth') {
    return (
      <VerticalBarChart
        chartTitle="Referrals by month"
        height={240}
        hideLegend
        data={view.referrals.byMonth.map((m) => ({ x: m.month, y: m.count, legend: m.month, color: BAR }))}
      />
    );
  }
  if (name === 'referralsByAgency') {
    return (
      <VerticalBarChart
        chartTitle="Referrals by referring agency"
        height={240}
        hideLegend
        data={view.referrals.byAgency.map((a) => ({ x: agencyName(a.key), y: a.count, legend: agencyName(a.key), color: BAR }))}
      />
    );
  }
  return (
    <GroupedVerticalBarChart
      chartTitle="Risk level at acceptance against closure"
      height={260}
      data={view.closures.riskAtAcceptanceVsClosure.map((row) => ({
        name: RISK_LEVEL_LABELS[row.atAcceptance],
        series: [
          { key: 'accepted', legend: 'At acceptance', data: row.atClosure.reduce((sum, c) => sum + c.count, 0), color: SECOND },
          ...row.atClosure.filter((c) => c.count > 0).map((c) => ({ key: c.key, legend: `At closure: ${RISK_LEVEL_LABELS[c.key]}`, data: c.count, color: BAR })),
        ],
      }))}
    />
  );
}
