import type { DemoPersona } from '../../src/demo/personas';
import { invokeActivity, messageActivity, type ReplyActivity } from '../bot/botHttp';
import type { DemoServer } from './demoServer';

/** The bot's answer to one activity, reduced to what a person would see. */
export interface BotAnswer {
  /** HTTP status of /api/messages. */
  http: number;
  texts: string[];
  cards: Record<string, unknown>[];
  /** For an invoke: the invoke response's body ({statusCode, type, value}). */
  invoke?: { statusCode: number; type: string; value: unknown };
  raw: string;
}

async function answerOf(res: Response): Promise<BotAnswer> {
  const raw = await res.text();
  const answer: BotAnswer = { http: res.status, texts: [], cards: [], raw };
  if (res.status !== 200) return answer;
  const activities = (JSON.parse(raw) as { activities?: ReplyActivity[] }).activities ?? [];
  for (const a of activities) {
    if (a.type === 'invokeResponse') {
      answer.invoke = a.value?.body;
      const body = a.value?.body;
      if (body?.type === 'application/vnd.microsoft.card.adaptive') answer.cards.push(body.value as Record<string, unknown>);
      else if (typeof body?.value === 'string') answer.texts.push(body.value);
      continue;
    }
    if (typeof a.text === 'string' && a.text) answer.texts.push(a.text);
    for (const att of a.attachments ?? []) if (att.contentType === 'application/vnd.microsoft.card.adaptive') answer.cards.push(att.content);
  }
  return answer;
}

/** A message typed to the bot; in a channel the bot is @mentioned as Teams does. */
export async function say(srv: DemoServer, p: DemoPersona, text: string, conversation: 'personal' | 'channel'): Promise<BotAnswer> {
  const body = messageActivity({ aadObjectId: p.aadObjectId }, conversation === 'channel' ? `<at>RiskPanel</at> ${text}` : text, conversation);
  return answerOf(await srv.activity(body));
}

/** An Action.Execute press (or refresh) from the persona's Entra object id. */
export async function press(
  srv: DemoServer, p: DemoPersona, verb: string, data: Record<string, unknown>, conversation: 'personal' | 'channel',
  trigger: 'manual' | 'automatic' = 'manual',
): Promise<BotAnswer> {
  return answerOf(await srv.activity(invokeActivity({ aadObjectId: p.aadObjectId }, verb, data, conversation, trigger)));
}
