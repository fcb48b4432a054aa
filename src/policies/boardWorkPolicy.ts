import { hasRole, isPanelMember } from './actor';
import { allow } from './policy';

// Learning reviews and the board's plan hold no adult's data (a review is known by its reference, its title never
// names the adult): every active member reads them, so partners see the recommendations their agency answers. Each
// action in them is still judged by the action policy. An auditor reads the audit trail only. Coordinators keep them (reviews, recommendations, plan
// objectives and the actions under them); an action's owner and their agency lead update it (the action policy).
allow('boardWork', ['read'], isPanelMember);
allow('boardWork', ['manage'], (a) => hasRole(a, 'coordinator'));
