import type { Response } from 'express';
import type { FieldProblem } from '../domain/errors';

/** RFC 9457 problem details: the one error shape of the API, for the tab and for anyone scripting it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
  /** Set when Entra ID needs the user's consent: the tab shows a consent prompt instead of a dead end. */
  consentRequired?: boolean;
  claims?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export const problemOf = (status: number, title: string, detail: string, errors?: FieldProblem[]): Problem => ({
  type: 'about:blank',
  title,
  status,
  detail,
  ...(errors ? { errors } : {}),
});
