import { Avatar, Badge, Button, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Persona } from '../../../src/contract';
import type { Role } from '../../../src/domain/enums';
import { PageHeading } from '../components/PageHeading';
import { ROLE_LABELS } from '../labels';
import { UserText } from '../components/UserText';

const useStyles = makeStyles({
  intro: { maxWidth: '70ch', marginBottom: tokens.spacingVerticalL },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: { height: '100%' },
  roles: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  footer: { marginTop: 'auto' },
});

/** Local mode: pick one of the invented demo people; every API call then acts as them. */
export function PersonaPicker({ personas, onChoose }: { personas: Persona[]; onChoose: (email: string) => void }) {
  const styles = useStyles();
  return (
    <>
      <PageHeading focusKey="persona-picker">Choose a demo persona</PageHeading>
      <p className={styles.intro}>
        RiskPanel is running in local mode with an invented partnership. Pick who you want to be: what you can see and do
        follows that person&apos;s agency and role, as it would for a real member signed in through Teams.
      </p>
      <ul className={styles.list} aria-label="Demo personas">
        {personas.map((p) => (
          <li key={p.email}>
            <Card className={styles.card}>
              <CardHeader
                image={<Avatar name={p.name} color="colorful" aria-hidden />}
                header={
                  <Text weight="semibold">
                    <UserText>{p.name}</UserText>
                  </Text>
                }
                description={<Text size={200}>{p.agency}</Text>}
              />
              {p.description && <Text size={200}>{p.description}</Text>}
              <div className={styles.roles}>
                {p.roles.map((role) => (
                  <Badge key={role} appearance="tint" color={role === 'coordinator' ? 'brand' : 'informative'}>
                    {ROLE_LABELS[role as Role] ?? role}
                  </Badge>
                ))}
              </div>
              <div className={styles.footer}>
                <Button appearance="primary" onClick={() => onChoose(p.email)}>
                  Continue as {p.name}
                </Button>
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
