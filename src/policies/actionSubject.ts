import type { ActionRecord, CaseRecord } from '../domain/records';

/** An action is judged with its parent case (absent for learning-review and board-plan actions). */
export interface ActionSubject {
  action: ActionRecord;
  parentCase?: CaseRecord;
}
