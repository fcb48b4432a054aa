import * as AC from 'adaptivecards';

/** Parses a card with the official Adaptive Cards library and returns every parse and validation problem it reports. */
export function parseCard(json: unknown): { card: AC.AdaptiveCard; problems: string[] } {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  problems.push(...card.validateProperties().validationEvents.map((e) => e.message));
  return { card, problems };
}

type Node = Record<string, unknown>;

/** Every object in the card whose `type` is `type`, depth first. */
export function elementsOf(json: unknown, type: string): Node[] {
  const found: Node[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value && typeof value === 'object') {
      if ((value as Node).type === type) found.push(value as Node);
      Object.values(value).forEach(walk);
    }
  };
  walk(json);
  return found;
}

export const textRuns = (json: unknown): string[] => elementsOf(json, 'TextRun').map((r) => String(r.text));
export const textBlocks = (json: unknown): string[] => elementsOf(json, 'TextBlock').map((b) => String(b.text));

/** The card's outline: every key and element type, with the text and url values blanked out. */
export function outline(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(outline);
  if (json && typeof json === 'object') {
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, k === 'text' || k === 'url' ? typeof v : outline(v)]));
  }
  return json;
}
