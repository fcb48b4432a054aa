import { Checkbox, Field, Select, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useFocusRescue } from '../../a11y/useFocusRescue';
import { actionListSchema, paths } from '../../../../src/contract';
import { useSession } from '../../auth/session';
import { ActionTable } from '../../components/actions/ActionTable';
import { PageHeading } from '../../components/PageHeading';
import { useMutedStyles } from '../../components/Section';
import { ErrorNotice, LiveStatus } from '../../components/Status';
import { plural } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDirectory } from '../../hooks/useDirectory';
import { type ActionScope, actionsHref, replaceHash } from '../../routing/useHashRoute';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  tools: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap' },
  panel: { display: 'grid', gap: tokens.spacingVerticalM },
  select: { minWidth: '14rem' },
});

const TABS: { scope: ActionScope; label: string }[] = [
  { scope: 'mine', label: 'Mine' },
  { scope: 'agency', label: "My agency's" },
  { scope: 'overdue', label: 'Overdue' },
];

/** Actions to chase: mine, my agency's (any agency's for the panel), or everything overdue I may see; overdue first. */
export default function ActionsPage({ scope }: { scope: ActionScope }) {
  const styles = useStyles();
  const muted = useMutedStyles();
  const { me, client } = useSession();
  const directory = useDirectory();
  const panel = me.can.readAgencyActions;
  const [agencyId, setAgencyId] = useState(me.agency.id);
  const [finished, setFinished] = useState(false);
  const params = new URLSearchParams({ scope });
  if (scope === 'agency' && agencyId !== me.agency.id) params.set('agencyId', agencyId);
  if (scope !== 'overdue' && finished) params.set('includeFinished', 'true');
  const path = paths.actions(params);
  const list = useApi(path, (c, signal) => c.get(path, actionListSchema, signal));
  const agencyName = directory.agency(agencyId)?.name ?? me.agency.name;
  const tabLabel = scope === 'mine' ? 'My actions' : scope === 'agency' ? `Actions of ${agencyName}` : 'Overdue actions';
  const items = list.data ?? [];
  // The last action of a list finished: the list goes, and focus with it; it comes to the panel instead.
  const panelRef = useRef<HTMLDivElement>(null);
  useFocusRescue(panelRef, [list.data]);
  const overdue = items.filter((a) => a.overdue).length;

  return (
    <div className={styles.page}>
      <PageHeading focusKey="actions">Actions</PageHeading>
      <TabList selectedValue={scope} onTabSelect={(_, d) => replaceHash(actionsHref(d.value as ActionScope))} aria-label="Which actions">
        {TABS.map((t) => (
          <Tab key={t.scope} value={t.scope} id={`actions-tab-${t.scope}`} aria-controls="actions-panel">
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div id="actions-panel" ref={panelRef} tabIndex={-1} role="tabpanel" aria-labelledby={`actions-tab-${scope}`} className={styles.panel}>
        <div className={styles.tools}>
          {scope === 'agency' && panel && (
            <Field label="Agency">
              <Select className={styles.select} value={agencyId} onChange={(_, d) => setAgencyId(d.value)}>
                {directory.agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {scope !== 'overdue' && <Checkbox label="Include finished actions" checked={finished} onChange={(_, d) => setFinished(d.checked === true)} />}
        </div>
        <LiveStatus
          busy={list.state === 'loading'}
          message={
            list.state === 'loading' ? 'Loading actions…' : list.data ? `${plural(items.length, 'action')}${overdue && scope !== 'overdue' ? `, ${overdue} overdue` : ''}.` : ''
          }
        />
        {list.state === 'error' && <ErrorNotice title="The actions could not be loaded" message={list.error.message} onRetry={list.reload} />}
        {list.data &&
          (items.length === 0 ? (
            <p className={muted.muted}>{scope === 'overdue' ? 'Nothing is overdue.' : 'No actions here.'}</p>
          ) : (
            <ActionTable
              label={tabLabel}
              actions={items}
              showCase
              onChanged={list.reload}
              latest={async (id) => (await client.get(path, actionListSchema)).find((a) => a.id === id)}
            />
          ))}
      </div>
    </div>
  );
}
