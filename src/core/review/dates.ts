/**
 * Dates and due phrases in an action item's text. An item's deadline says when, not what result
 * will exist, so the vague-action lint looks for a measurable result only in the rest of the text.
 */

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d{2}`;

/** Dates that read as dates anywhere: "March 15", "15 March 2026", "2026-03-15", "15/03/2026", "Q3". */
const DATE = [
  String.raw`\d{4}-\d{1,2}-\d{1,2}`,
  String.raw`\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})`,
  String.raw`\d{1,2}\.\d{1,2}\.\d{4}`,
  String.raw`${MONTH}\s+${DAY}(?:,?\s+${YEAR})?`,
  String.raw`${DAY}\s+(?:of\s+)?${MONTH}(?:,?\s+${YEAR})?`,
  String.raw`${MONTH},?\s+${YEAR}`,
  String.raw`(?:${YEAR}\s*)?Q[1-4](?:\s*${YEAR})?`,
].join('|');

/**
 * What only reads as a time after a due word: a bare year (not a quantity such as "2000 ms"),
 * "3/15", "the 15th", a clock time, a weekday, "next week", "the end of the sprint".
 */
const WHEN = [
  DATE,
  String.raw`${YEAR}(?!\s*(?:%|[a-zµ]))`,
  String.raw`\d{1,2}/\d{1,2}(?![\d/%])`,
  String.raw`the\s+\d{1,2}(?:st|nd|rd|th)`,
  String.raw`\d{1,2}(?::\d{2})?\s*(?:am|pm)`,
  String.raw`\d{1,2}:\d{2}`,
  String.raw`sprint\s+\d+`,
  String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|tomorrow|eo[dwmqy]`,
  String.raw`(?:next|this)\s+(?:week|month|quarter|year|sprint|release)`,
  String.raw`(?:the\s+)?(?:day|week|month|quarter|year|sprint|release)`,
].join('|');

const DUE_WORD = String.raw`(?:by|before|until|till|due(?:\s+(?:by|on))?|on|in|during|within|no\s+later\s+than)`;
const BOUNDARY = String.raw`(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?)?`;

/**
 * A span of days to years after "in" / "within" ("within 2 weeks"). Not after "by", where it is an
 * amount ("cut recovery time by 2 days"), and not minutes or hours, which are usually the result
 * itself ("page within 5 minutes").
 */
const SPAN = String.raw`(?:in|within)\s+(?:the\s+next\s+)?\d+\s+(?:business\s+|working\s+)?(?:days?|weeks?|months?|quarters?|years?|sprints?)`;

/** A due phrase ("by March 15", "until Q3", "before the end of the sprint") or a lone date. */
const DUE = new RegExp(
  String.raw`\b${DUE_WORD}\s+${BOUNDARY}(?:${WHEN})\b|\b${SPAN}\b|\b(?:${DATE})\b`,
  'gi',
);

/** `text` with its dates and due phrases blanked out (same length, so offsets still match). */
export function withoutDates(text: string): string {
  return text.replace(DUE, (m) => ' '.repeat(m.length));
}
