import type { AgencyKind, Role } from '../domain/enums';
import type { Agency, Member } from '../domain/records';

/**
 * The synthetic partnership used in local mode. The agency names are the member agencies of Luton's CASPA
 * (seed 000, public); every person here is invented, and every address is at the reserved .example domain.
 */
export const DEMO_EMAIL_DOMAIN = 'riskpanel.example';

export interface DemoAgency { id: string; name: string; shortName: string; kind: AgencyKind }

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { id: 'ag-asc', name: 'Luton Council Adult Social Care', shortName: 'ASC', kind: 'council' },
  { id: 'ag-icb', name: 'Integrated Care Board', shortName: 'ICB', kind: 'health' },
  { id: 'ag-elft', name: 'East London Foundation Trust', shortName: 'ELFT', kind: 'health' },
  { id: 'ag-police', name: 'Bedfordshire Police', shortName: 'Police', kind: 'police' },
  { id: 'ag-fire', name: 'Bedfordshire Fire and Rescue Service', shortName: 'BFRS', kind: 'fire' },
  { id: 'ag-ccs', name: 'Cambridgeshire Community Services NHS Trust', shortName: 'CCS', kind: 'health' },
  { id: 'ag-probation', name: 'National Probation Service', shortName: 'Probation', kind: 'probation' },
  { id: 'ag-noah', name: 'NOAH', shortName: 'NOAH', kind: 'voluntary' },
  { id: 'ag-azalea', name: 'Azalea', shortName: 'Azalea', kind: 'voluntary' },
  { id: 'ag-resolutions', name: 'ResoLutions', shortName: 'ResoLutions', kind: 'voluntary' },
  { id: 'ag-stepping-stones', name: "Women's Aid Luton Stepping Stones", shortName: 'Stepping Stones', kind: 'voluntary' },
];

export interface DemoPersona {
  /** Short handle used by the demo data and the Agents Playground user list. */
  key: string;
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  agencyId: string;
  roles: Role[];
  agencyLead: boolean;
  /** One line saying what this persona is for, shown in the local sign-in picker. */
  description: string;
}

// Fixed GUIDs (version-4 layout) so the Playground and repeated seeds always name the same people.
const oid = (n: number) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const email = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;

const persona = (
  n: number, key: string, name: string, agencyId: string, roles: Role[], description: string, agencyLead = false,
): DemoPersona => ({
  key,
  id: `mem-${key}`,
  aadObjectId: oid(n),
  name,
  email: email(name.toLowerCase().replace(/[^a-z]+/g, '.')),
  agencyId,
  roles,
  agencyLead,
  description,
});

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  persona(1, 'coordinator', 'Morgan Fairweather', 'ag-asc', ['coordinator'], 'Panel coordinator: screens referrals, keeps the register and agenda'),
  persona(2, 'chair', 'Rowan Ashcombe', 'ag-asc', ['chair'], 'Panel chair: runs the monthly meeting and records decisions'),
  persona(3, 'socialworker', 'Pat Greenacre', 'ag-asc', ['partner'], 'Council social worker: refers adults and leads council cases'),
  persona(4, 'viewer', 'Jordan Kestrel', 'ag-icb', ['viewer'], 'Board member (ICB): reads reports and the decision log'),
  persona(5, 'police', 'Alex Brightwater', 'ag-police', ['partner'], 'Police partner: refers, adds information, owns police actions'),
  persona(6, 'policelead', 'Chris Holloway', 'ag-police', ['partner'], "Police agency lead: answers for all of the police's actions", true),
  persona(7, 'fire', 'Jamie Emberley', 'ag-fire', ['partner'], 'Fire partner: home fire safety visits; not involved in every case'),
  persona(8, 'elft', 'Taylor Okonjo', 'ag-elft', ['partner'], 'Mental health partner (ELFT): leads several health cases'),
  persona(9, 'ccs', 'Nikita Varma', 'ag-ccs', ['partner'], 'Community health partner (CCS): district nursing and therapy'),
  persona(10, 'probation', 'Robin Castleford', 'ag-probation', ['partner'], 'Probation partner: people on licence who pose or face risk'),
  persona(11, 'steppingstones', 'Kerry Stillwater', 'ag-stepping-stones', ['partner'], "Women's Aid partner: domestic abuse support"),
  persona(12, 'noah', 'Lee Marshwood', 'ag-noah', ['partner'], 'NOAH partner: homelessness and welfare support'),
  persona(13, 'resolutions', 'Sam Riverstone', 'ag-resolutions', ['partner'], 'ResoLutions partner: drug and alcohol recovery'),
  persona(14, 'auditor', 'Dale Ledgerwood', 'ag-asc', ['auditor'], 'Information governance auditor: searches and exports the audit trail, reads the access review; opens no case'),
];

export function demoPersona(key: string): DemoPersona {
  const found = DEMO_PERSONAS.find((p) => p.key === key);
  if (!found) throw new Error(`No demo persona "${key}"`);
  return found;
}

/** The persona as a stored member record (without the version the store assigns). */
export function personaMember(p: DemoPersona): Omit<Member, 'version'> {
  return {
    id: p.id, aadObjectId: p.aadObjectId, name: p.name, email: p.email, agencyId: p.agencyId, roles: [...p.roles],
    agencyLead: p.agencyLead, active: true,
  };
}

export const agencyRecord = (a: DemoAgency): Omit<Agency, 'version'> => ({ ...a, active: true });
