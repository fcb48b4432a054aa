import type { ChronologyType, RagRating, RiskLevel } from '../domain/enums';
import type { NewRecord } from '../store/port';
import { CHRONOLOGY_TEXT, DOMAINS_FOR } from './demoText';
import { DEMO_PERSONAS } from './personas';
import { agencyShort, type CaseBuild, COORDINATOR, pad, persona, type Seed, SIGNIFICANCE } from './seedContext';
import type { seedMeetings } from './seedMeetings';

/** Each case's history: chronology, risk assessments and audit trail. */
export function seedCaseHistory(seed: Seed, meetings: { m1: string; m2: string; m3: string }, decision: ReturnType<typeof seedMeetings>['decision']) {
  const { rng, clock, data, audit } = seed;
  return { buildChronology, buildRiskAssessments, buildCaseAudit };


  function chronologyTypeFor(key: string): ChronologyType {
    switch (key) {
      case 'police': case 'policelead': return 'police_call_out';
      case 'fire': return 'fire_visit';
      case 'elft': return rng.pick(['hospital_admission', 'missed_appointment', 'capacity_assessment'] as const);
      case 'ccs': return rng.pick(['missed_appointment', 'hospital_admission'] as const);
      case 'socialworker': return rng.pick(['contact', 'capacity_assessment'] as const);
      case 'steppingstones': return rng.pick(['incident', 'contact'] as const);
      case 'resolutions': return 'missed_appointment';
      default: return rng.pick(['contact', 'agency_information'] as const);
    }
  }

  function buildChronology(b: CaseBuild): void {
    const { spec, record } = b;
    if (spec.status === 'draft') return;
    let n = 0;
    const add = (day: number, key: string, type: ChronologyType, summary?: string, extra: Partial<NewRecord<'chronology'>> = {}) => {
      const p = persona(key);
      const id = `chr-${record.id.slice(5)}-${pad(++n)}`;
      const occurredAt = clock.past(day, rng.int(8, 20), rng.int(0, 59));
      const recordedAt = clock.past(day + rng.int(0, 2), 17, 30);
      data.chronology.push({
        id, idempotencyKey: `seed:${id}`, caseId: record.id, occurredAt,
        recordedAt: recordedAt < occurredAt ? occurredAt : recordedAt,
        recordedById: p.id, sourceAgencyId: p.agencyId, type, summary: summary ?? rng.pick(CHRONOLOGY_TEXT[type]),
        significance: SIGNIFICANCE[type], ...extra,
      });
      return id;
    };
    const sources = spec.known.length ? spec.known : [spec.referrer];
    const received = b.receivedDay!;
    if (b.acceptedDay === undefined) {
      // A referral: what led to it.
      if (rng.chance(0.6)) add(received - rng.int(5, 40), rng.pick(sources), chronologyTypeFor(rng.pick(sources)));
      add(received - 1, spec.referrer, 'safeguarding_concern');
      return;
    }
    // A case: 3 to 8 entries, from before the referral to now (or to closure).
    const total = b.index === 0 ? 6 : rng.int(3, 8);
    const end = b.closedDay ?? -1;
    const post = total - 2 - (b.escalatedDay !== undefined ? 1 : 0);
    const pre = Math.max(0, Math.min(post, rng.int(1, 3)));
    const firstPre = pre > 0 ? add(received - rng.int(10, 60), sources[0]!, chronologyTypeFor(sources[0]!)) : undefined;
    for (let i = 1; i < pre; i++) add(received - rng.int(3, 60), sources[i % sources.length]!, chronologyTypeFor(sources[i % sources.length]!));
    add(received - 1, spec.referrer, 'safeguarding_concern');
    add(b.acceptedDay, 'coordinator', 'panel_decision');
    for (let i = 0; i < post - pre; i++) {
      const key = sources[(i + 1) % sources.length]!;
      const day = rng.int(Math.min(b.acceptedDay + 2, end), end);
      if (b.index === 0 && i === post - pre - 1 && firstPre) {
        // A mistake is corrected by a new entry that points at the old one.
        add(day, sources[0]!, 'police_call_out', 'Correction: the earlier call-out was to the neighbouring flat, not to the adult.', { correctsEntryId: firstPre, significance: 'low' });
      } else add(day, key, rng.pick(['contact', 'contact', chronologyTypeFor(key)] as const));
    }
    if (b.escalatedDay !== undefined) {
      add(b.escalatedDay, sources[1 % sources.length]!, 'incident', 'Serious incident: the adult was assaulted at the address; risk escalated to very high.');
    }
  }

  function buildRiskAssessments(b: CaseBuild): void {
    const { spec, record } = b;
    if (b.acceptedDay === undefined || spec.incomplete) return;
    const domains = [...new Set([...spec.categories.flatMap((c) => DOMAINS_FOR[c]), 'medical_conditions' as const])].slice(0, 7);
    const sources = spec.known.map((k) => persona(k).agencyId);
    const ratingFor = (level: RiskLevel): RagRating =>
      level === 'very_high' ? rng.pick(['red', 'red', 'amber'] as const)
        : level === 'high' ? rng.pick(['red', 'amber', 'amber'] as const)
          : level === 'medium' ? rng.pick(['amber', 'green'] as const) : 'green';
    const assess = (n: number, day: number, level: RiskLevel) => {
      data.riskAssessments.push({
        id: `ra-${record.id.slice(5)}-${n}`, caseId: record.id, assessmentNumber: n, assessedAt: clock.past(day, 14),
        assessedById: record.leadProfessionalId!,
        domains: domains.map((domain, i) => ({
          domain, rating: ratingFor(level), evidence: `Seen at the joint visit and in ${agencyShort(sources[i % sources.length]!)} records.`,
          sourceAgencyId: sources[i % sources.length],
        })),
        protectiveFactors: rng.pick([
          'A sister visits weekly and the adult trusts her.',
          'Engages well with the day centre staff.',
          'Keeps GP appointments when reminded by text.',
        ]),
        overallLevel: level,
        adultView: record.adultViews,
      });
    };
    const first = Math.min(b.acceptedDay + rng.int(2, 6), (b.closedDay ?? 0) - 1, -1);
    assess(1, first, record.riskLevelAtAcceptance!);
    if (b.escalatedDay !== undefined) assess(2, b.escalatedDay, record.riskLevel!);
  }

  function buildCaseAudit(b: CaseBuild): void {
    const { record, spec } = b;
    const referrer = persona(spec.referrer);
    audit({ at: record.createdAt, actor: referrer, action: 'create', recordType: 'case', recordId: record.id, change: { status: spec.status === 'draft' ? 'draft' : 'submitted', ref: record.ref } });
    for (const inv of record.involvements) {
      const by = DEMO_PERSONAS.find((p) => p.id === inv.byMemberId)!;
      audit({ at: inv.at, actor: by, action: 'update', recordType: 'case', recordId: record.id, change: { involvement: inv.known ? 'known' : 'not known', agencyId: inv.agencyId } });
    }
    if (record.infoRequest) audit({ at: record.infoRequest.at, actor: COORDINATOR(), action: 'update', recordType: 'case', recordId: record.id, change: { status: 'info_requested' } });
    if (spec.status === 'listed') audit({ at: record.updatedAt, actor: COORDINATOR(), action: 'update', recordType: 'case', recordId: record.id, change: { status: 'listed', meetingId: meetings.m3 } });
    if (spec.status === 'withdrawn') {
      audit({ at: record.updatedAt, actor: referrer, action: 'update', recordType: 'case', recordId: record.id, change: { status: 'withdrawn' }, reason: 'A section 42 enquiry has started; the referrer will bring it back if risk remains.' });
    }
    if (spec.accepted === 'old') decision(b, 'accept', 'old');
    if (typeof spec.escalated === 'number') {
      audit({ at: record.updatedAt, actor: persona(spec.lead!), action: 'update', recordType: 'case', recordId: record.id, change: { status: 'escalated', riskLevel: record.riskLevel } });
    }
  }
}
