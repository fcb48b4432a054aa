import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseRecordView, CaseSummary, FullCaseView } from '../../../../../src/contract';
import { CategoryBadges, RiskBadge } from '../../../components/CaseBadges';
import { Facts } from '../../../components/Facts';
import { Section } from '../../../components/Section';
import { formatDay } from '../../../format';
import { useDirectory } from '../../../hooks/useDirectory';
import { OTHER_PROCESS_LABELS } from '../../../labels';
import { UserText } from '../../../components/UserText';

const useStyles = makeStyles({
  sections: { display: 'grid', gap: tokens.spacingVerticalXL },
});

/** The adult's name and initials, each isolated: a direction control in one cannot reorder the other. */
function AdultName({ name, initials }: { name: string; initials: string }) {
  return (
    <>
      <UserText>{name}</UserText> (<UserText>{initials}</UserText>)
    </>
  );
}

const yesNo = (v: boolean | null | undefined) => (v === true ? 'Yes' : v === false ? 'No' : '');

/** The agencies that have said the adult is known to them. */
function KnownTo({ involvements }: { involvements: FullCaseView['involvements'] }) {
  const directory = useDirectory();
  const known = involvements.filter((i) => i.known).map((i) => directory.agency(i.agencyId)?.name ?? i.agencyName ?? i.agencyId);
  return <>{known.length ? known.join(', ') : 'No agency has said so yet'}</>;
}

/** What every partner may see of a new referral: enough to say "known to us", nothing more. */
export function SummaryOnly({ c }: { c: CaseSummary }) {
  const directory = useDirectory();
  const styles = useStyles();
  return (
    <div className={styles.sections}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Summary only</MessageBarTitle>
          You can see the minimal summary of this referral. Say whether the adult is known to your agency; the full record opens to
          agencies involved in the case.
        </MessageBarBody>
      </MessageBar>
      <Section title="Referral summary" id="summary-heading">
        <Facts
          rows={[
            ['Reference', c.ref],
            ['Initials', c.initials],
            ['Risk categories', <CategoryBadges key="cats" categories={c.riskCategories} />],
            ['Referring agency', directory.agency(c.referrerAgencyId)?.name ?? c.referrerAgencyShortName],
            [
              'Known to your agency',
              c.myAgencyInvolvement ? (c.myAgencyInvolvement.known ? 'Yes, your agency said so' : 'No, your agency said not') : 'Your agency has not said yet',
            ],
          ]}
        />
      </Section>
    </div>
  );
}

/** The referral as it was made, and who leads the case now. */
export function FullSummary({ c, involvements }: { c: CaseRecordView; involvements: FullCaseView['involvements'] }) {
  const directory = useDirectory();
  const adult = c.adult;
  const others = [c.childrenAtRisk ? 'children' : '', c.otherAdultsAtRisk ? 'other adults' : ''].filter(Boolean).join(' and ');
  return (
    <Section title="Summary" id="summary-heading">
      <Facts
        rows={[
          ['Reference', c.ref],
          ['Adult', <AdultName key="adult" name={adult.name} initials={c.initials} />],
          ['Date of birth', formatDay(adult?.dateOfBirth)],
          ['Address', [adult?.address, adult?.postcode].filter(Boolean).join(', ')],
          ['NHS number', adult?.nhsNumber ?? ''],
          ['Risk categories', c.riskCategories?.length ? <CategoryBadges key="cats" categories={c.riskCategories} /> : ''],
          ['Reasons for the referral', c.reasons ?? ''],
          ['Care and support in place', c.currentSupport ?? ''],
          ['Others at risk', c.childrenAtRisk === undefined && c.otherAdultsAtRisk === undefined ? '' : others ? `Yes: ${others}${c.othersAtRiskDetails ? `. ${c.othersAtRiskDetails}` : ''}` : 'No'],
          ['Other processes considered', c.otherProcessesConsidered?.length ? c.otherProcessesConsidered.map((p) => OTHER_PROCESS_LABELS[p]).join(', ') : 'None'],
          ['Risk level', c.riskLevel ? <RiskBadge key="risk" level={c.riskLevel} /> : ''],
          ['Referred by', [directory.member(c.referrerMemberId)?.name, directory.agency(c.referrerAgencyId)?.name].filter(Boolean).join(', ')],
          ['Manager sign-off', c.managerSignOff ?? ''],
          ['Received', formatDay(c.receivedAt)],
          ['Known to', <KnownTo key="known" involvements={involvements} />],
          ['Restricted', yesNo(c.restricted)],
        ]}
      />
    </Section>
  );
}
