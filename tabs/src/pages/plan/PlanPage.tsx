import { Badge, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { RAG_LABELS } from '../../../../src/domain/boardWork';
import { type BoardActionItem, boardPlanViewSchema, paths } from '../../../../src/contract';
import { type ResponsiveColumn, ResponsiveTable } from '../../components/layout/ResponsiveTable';
import { PageHeading } from '../../components/PageHeading';
import { Section, useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { UserText } from '../../components/UserText';
import { formatDay } from '../../format';
import { useApi } from '../../hooks/useApi';
import { ACTION_STATUS_LABELS } from '../../labels';
import { AddObjectiveDialog, PlanActionDialog, SetRagDialog } from './PlanDialogs';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  table: { minWidth: '720px' },
  objective: { display: 'grid', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  reason: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const RAG_COLOUR = { red: 'danger', amber: 'warning', green: 'success' } as const;

/** `#/plan`: the board's business plan, priority by priority, each objective with its actions and their RAG status. */
export default function PlanPage() {
  const styles = useStyles();
  const muted = useMutedStyles();
  const [planYear, setPlanYear] = useState<string>();
  const path = paths.boardPlan(planYear ? { planYear } : undefined);
  const plan = useApi(path, (c, signal) => c.get(path, boardPlanViewSchema, signal));
  const [done, setDone] = useState<string>();
  const changed = (what: string) => {
    setDone(what);
    plan.reload();
  };
  const data = plan.data;
  const rag = (a: BoardActionItem) =>
    a.rag ? (
      <span>
        <Badge appearance="filled" color={RAG_COLOUR[a.rag.rating]} shape="rounded">{RAG_LABELS[a.rag.rating]}</Badge>{' '}
        <span className={styles.reason}><UserText>{a.rag.reason}</UserText></span>
      </span>
    ) : (
      <span className={muted.muted}>Not set</span>
    );
  const columns: ResponsiveColumn<BoardActionItem>[] = [
    { key: 'what', header: 'Action', cell: (a) => <UserText>{a.description}</UserText> },
    { key: 'owner', header: 'Owner', cell: (a) => <><UserText>{a.ownerName}</UserText>, {a.agencyName}</> },
    { key: 'due', header: 'Due', cell: (a) => formatDay(a.dueDate) },
    { key: 'status', header: 'Status', cell: (a) => `${ACTION_STATUS_LABELS[a.status]}${a.overdue ? `, ${a.daysOverdue} days overdue` : ''}` },
    { key: 'rag', header: 'RAG', cell: rag },
    { key: 'update', header: 'Update', cell: (a) => (a.canSetRag ? <SetRagDialog action={a} onDone={changed} /> : null) },
  ];
  return (
    <div className={styles.page}>
      <PageHeading focusKey="plan">Board plan</PageHeading>
      <div className={styles.tools}>
        {data && data.planYears.length > 1 && (
          <Field label="Plan year">
            <Select value={data.planYear} onChange={(_, d) => setPlanYear(d.value)}>
              {data.planYears.map((y) => <option key={y} value={y}>{y}</option>)}
            </Select>
          </Field>
        )}
        {data?.can.addObjective && <AddObjectiveDialog planYear={data.planYear} onDone={changed} />}
      </div>
      <div role="status" aria-live="polite">
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <LiveStatus busy={plan.state === 'loading'} message={plan.state === 'loading' ? 'Loading the board plan…' : data ? `Plan year ${data.planYear}.` : ''} />
      {plan.state === 'error' && <ErrorNotice title="The board plan could not be loaded" message={plan.error.message} onRetry={plan.reload} />}
      {data && data.priorities.length === 0 && <p className={muted.muted}>No objectives in the {data.planYear} plan yet.</p>}
      {data?.priorities.map((p) => (
        <Section key={p.code} title={`${p.code}: ${p.title}`} id={`priority-${p.code}`}>
          {p.objectives.map((o) => {
            const code = `${p.code}.${o.objectiveNumber}`;
            return (
              <div key={o.id} className={styles.objective}>
                <h3 className={styles.heading}>Objective {code}</h3>
                <p><UserText>{o.objective}</UserText></p>
                <p className={styles.reason}>Measured by: <UserText>{o.successMeasure}</UserText></p>
                {data.can.createAction && <div><PlanActionDialog objectiveId={o.id} code={code} onDone={changed} /></div>}
                {o.actions.length === 0 ? (
                  <p className={muted.muted}>No actions you can see yet.</p>
                ) : (
                  <ResponsiveTable
                    label={`Actions of objective ${code}`}
                    rows={o.actions}
                    rowKey={(a) => a.id}
                    columns={columns}
                    tableClassName={styles.table}
                    stacked={{
                      title: (a) => <UserText>{a.description}</UserText>,
                      state: rag,
                      details: ['owner', 'due', 'status'],
                      action: (a) => (a.canSetRag ? <SetRagDialog action={a} onDone={changed} /> : null),
                    }}
                  />
                )}
              </div>
            );
          })}
        </Section>
      ))}
    </div>
  );
}
