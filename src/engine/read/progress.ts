// Progress typed as text: which texts say how far an action has got, and which are updates in words.
// Read by the activity rule (rate/activity.ts) and by an action plan's position column (detect/row-record.ts).

/** A number alone ("40", "0.4", "c. 40 complete"). */
export const PROGRESS_TEXT = /^\s*(?:(?:c\.?|ca\.?|approx\.?|about|around)\s*)?[-+]?\d+(?:[.,]\d+)?\s*%?\s*(?:complete|completed|done)?\s*\.?\s*$/i;

/** Words that may come before a percentage of the whole action: "Project is 100% complete", "Now at 75%". */
const LEAD_WORDS =
  "(?:the|project|works?|now|overall|currently|status|progress|completion|completed|complete|is|at|stands|approximately|approx\\.?|circa|c\\.|ca\\.|about|around|estimated|est\\.?|on track|on target|in progress|ongoing|progressing|underway)";

/**
 * A percentage that opens the text, after at most four of LEAD_WORDS ("100% (see note)", "Completed 100%",
 * "On track - 60%", "Project is 100% complete", "100 per cent"), and is followed by nothing, a note, or a
 * word of completion (a RAG word before it is no lead: "Red - 100%, overspent"). Inside a sentence a
 * percentage is of something else ("Referrals up 100% on last year", "100% of Phase 1 homes fitted",
 * "Consultation 100 per cent complete, plan drafting": helper-107).
 */
export const PERCENT_FIRST = new RegExp(
  `^\\s*(?:${LEAD_WORDS}\\s*[:\\-\\u2013\\u2014,=]?\\s*){0,4}(\\d+(?:\\.\\d+)?)\\s*(?:%|per ?cent\\b)(?=\\s*(?:$|[(\\-\\u2013\\u2014;,.:*+]|(?:complete|completed|done|delivered|achieved|finished|on track|on target|in progress)\\b))`,
  "i",
);

/** A percentage in brackets: "Complete (100%)", "Works progressing (60% complete)". */
export const PERCENT_IN_BRACKETS = /\(\s*(?:c\.\s*|approx\.?\s*)?(\d+(?:\.\d+)?)\s*(?:%|per ?cent)\s*(?:complete|completed|done)?\s*\)/i;

/**
 * A percentage that ends the text after at most three words ("Works are 100% complete", "YTD 100%", "Year 2 -
 * 50%"), or after a label and a colon ("Progress to date: 100%", "Q3: 100%"): nothing after it says it is of
 * something else. Not after a word of change or comparison ("Referrals up 100%", "increased by 20%").
 */
const PERCENT_LAST =
  /^\s*(?:[^\s%]+\s+){0,3}?(?<!\b(?:up|down|by|increased?|decreased?|rose|fell|rise|fall|over|under|of|than|from|to)\s+)(\d+(?:\.\d+)?)\s*(?:%|per ?cent)\s*(?:complete|completed|done|delivered|achieved|finished)?\s*[.!]?\s*$/i;
const PERCENT_AFTER_LABEL = /^\s*[^:]{1,40}:\s*(\d+(?:\.\d+)?)\s*(?:%|per ?cent)\s*(?:complete|completed|done)?\s*\.?\s*$/i;

/**
 * A percentage that is no progress made. Labelled a target, a forecast or a date to come just before it
 * ("Target: 95%", "Forecast 100%", "Planned 100%", "Due date: 100%", "By March 2011: 100%"), at any value.
 * A full 100% besides: short of it ("Not yet 100%", "Almost 100%", "Below 100%"); meant, not made ("Should
 * reach 100%", "Will complete by March (100%)"); a plan with its when before or after it ("Target for year:
 * 100%", "Forecast outturn: 100%", "100% - due March 2011", "100% (expected Q4)", "100% - by Q4"). Each made
 * an unfinished action Completed (helpers 111–115). A target met or missed, progress against one, a word
 * describing the work, or what is to follow finished work, is progress ("On target 100%", "100% - target
 * date met", "Planned works complete (100%)", "Contractor appointed; will start on site next month (100%)");
 * and so are figures under 100% whatever the words ("Not started - 0%", "Almost complete - 95%").
 */
const PLAN_WORD = "(?:targets?|tgt|forecasts?|forecasted|fcst|f\\/cast|projected|projection|proj\\.?|predicted|anticipated?|expected|exp\\.?|planned|scheduled|due)";
/** Not a plan where met, where progress is measured against it, or where the work was done as it said. */
const NOT_A_PLAN =
  "(?<!\\b(?:on|against|v|vs|versus|of|to|met|hit|achieved|exceeded|above|ahead of|before|after|not|as|than)[\\s-]+(?:(?:the|its|our|their|well)\\s+)*)(?<!\\b(?:completed|delivered|done|achieved|finished|implemented)\\s+by\\s+(?:(?:the|its|our|their)\\s+)?)";
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
/** When, or what of, the plan: "Target for year", "Forecast outturn", "Planned completion", "Due by March 2011", "expected Q4". */
const PLAN_WHEN = `(?:(?:for|by|at|in|of|next|completion|outturn|out-turn|date|end|year|position|level|go[- ]live|to\\s+(?:finish|complete|end|start|begin|launch|go[- ]live|be\\s+(?:complete|completed|finished|delivered|achieved)))\\b|q[1-4]\\b|\\d|${MONTH}\\b)`;
const PLAN_LABEL = new RegExp(`${NOT_A_PLAN}\\b${PLAN_WORD}(?:\\s+date)?\\s*[:\\-\\u2013=]?\\s*$|^\\s*(?:by|deadline)\\b|\\b(?:aim|goal|to be|will be|should be)\\s*[:\\-\\u2013=]?\\s*$`, "i");
const SHORT_OF = /\b(?:not|yet|almost|nearly|virtually|approaching|short of|partially|partly)\b|\b(?:below|under)\s*$/i;
/** Words of intent: what is meant, not made ("Should reach 100%", "Aiming for 100%"). */
const INTENT_VERBS = "will|would|should|shall|aim|aims|aiming|hope|hoping|intend|intends|intended|expect|expects|likely|unlikely";
const INTENT = new RegExp(`\\b(?:${INTENT_VERBS})\\b`, "i");
/**
 * An intent to do the work, within a few words: to finish it ("Will complete by March", "Unlikely to finish in
 * Q4", "To be completed by target date") is never progress made; to start or open it ("Will start on site next
 * month") is not where the work is said done first ("Contractor appointed; …"). Not "would have been faster".
 */
const INTENT_WORDS = `(?:${INTENT_VERBS}|to be|set to|due to|on course to|on track to)`;
const INTENT_TO_FINISH = new RegExp(
  `\\bto\\s+be\\s+(?:\\w+\\s+)?(?:completed|finished|delivered|achieved|done)\\b|\\b${INTENT_WORDS}\\b(?:\\s+\\w+){0,3}?\\s+(?:complete|completing|finish|finishing|conclude|reach|achieve|deliver|have\\s+(?:completed|finished)|be\\s+(?:\\w+\\s+)?(?:complete|completed|finished|delivered|achieved|done|operational|handed\\s+over|in\\s+place|live))\\b`,
  "i",
);
/** The whole work said done, before an intent to finish something ("Completed. Review will be completed next year"). */
const COMPLETION_SAID = /\b(?:complete|completed|finished|done|delivered|achieved|implemented)\b/i;
/** …or after it ("Set to complete by March, finished in February", "On track to complete - now complete"): helper-117. */
const DONE_AFTER =
  /\b(?:is|are|was|were|has been|have been|now)\s+(?:\w+\s+)?(?:complete|completed|done|finished|achieved|delivered)\b|\b(?:finished|completed|achieved|delivered)\s+(?:in|on|by|early|late|ahead)\b/i;
const INTENT_TO_START = new RegExp(`\\b${INTENT_WORDS}\\b(?:\\s+\\w+){0,3}?\\s+(?:start|begin|open|launch|go[- ]live|roll[- ]?out)\\b`, "i");
const PLAN_PHRASE = new RegExp(`${NOT_A_PLAN}\\b${PLAN_WORD}\\s+${PLAN_WHEN}`, "i");
/** After the figure: the plan alone or with its when ("100% (target)", "100% - due March 2011", "100% - by Q4"), not a target met. */
const PLAN_AFTER = new RegExp(
  `^\\s*[-\\u2013\\u2014(,:;]\\s*(?:(?:target|forecast|projected|projection|expected|planned|anticipated|scheduled|due(?!\\s+for\\s+(?:review|renewal)))(?:\\s*(?:\\)|[.!]?\\s*$)|\\s+${PLAN_WHEN})|to be (?:completed|complete|delivered|finished|achieved)\\b|by\\s+(?:(?:the\\s+)?end\\b|year|financial|q[1-4]\\b|spring|summer|autumn|winter|\\d|${MONTH}\\b))`,
  "i",
);
/** The work said done, before what is to follow it ("Works complete, Cabinet will sign off", "All sites live; this should"). */
const DONE_SAID = /\b(?:complete|completed|done|delivered|achieved|finished|implemented|live|adopted|agreed|approved|closed|let|signed|appointed|awarded|granted|opened|launched|published|submitted|installed|ran|held|in place)\b/i;
/** A plan met, or its date passed, after the figure ("100% - target date met", "100% - target date missed"); not one to be met. */
const PLAN_MET = /\b(?:met|achieved|reached|exceeded|hit|missed)\b/i;
const PLAN_UNMET = /\b(?:not|yet|will|to be|be)\s+(?:\w+\s+)?(?:met|achieved|reached|exceeded|hit)\b|\bstill\s+to\b/i;
/** "Target 100% achieved": the target's figure reached. */
const REACHED_AFTER = /^\s*(?:achieved|met|reached|exceeded|hit)\b/i;

function isFull(figure: string): boolean {
  return Number(figure) >= 100;
}

/** The percentage a text gives as the action's progress, as typed ("60"), where it gives one. */
export function percentInText(text: string): string | undefined {
  const first = PERCENT_FIRST.exec(text);
  const inBrackets = first ? undefined : PERCENT_IN_BRACKETS.exec(text);
  if (inBrackets) {
    // In brackets, the words before tell what the work is: a plan named with its when, or labelling the figure,
    // or short of it, refuses a 100% ("Forecast outturn (100%)", "Target (100%)", "Not yet complete (100%)",
    // "Completed phase 1; phase 2 due March 2011 (100%)"); what will follow the work does not ("Works complete,
    // Cabinet will sign off in January (100%)", "Planned works complete (100%)": helper-113).
    const before = text.slice(0, inBrackets.index);
    if (!isFull(inBrackets[1])) return inBrackets[1];
    // An intent refuses it unless the work is said done first ("Will complete by March (100%)": helper-114).
    const finish = INTENT_TO_FINISH.exec(before);
    const start = INTENT_TO_START.exec(before);
    const toFinish = finish !== null && !COMPLETION_SAID.test(before.slice(0, finish.index)) && !DONE_AFTER.test(before.slice(finish.index + finish[0].length));
    const meant = toFinish || (start !== null && !DONE_SAID.test(before.slice(0, start.index)));
    return meant || SHORT_OF.test(before) || PLAN_PHRASE.test(before) || PLAN_LABEL.test(before) ? undefined : inBrackets[1];
  }
  const found = first ?? PERCENT_LAST.exec(text) ?? PERCENT_AFTER_LABEL.exec(text);
  if (!found) return undefined;
  const at = found.index + found[0].lastIndexOf(found[1]);
  const before = text.slice(0, at);
  const after = text.slice(at + found[1].length).replace(/^\s*(?:%|per ?cent)/i, "");
  const label = PLAN_LABEL.exec(before);
  if (label && !(/^\s*t(?:arget|gt)/i.test(label[0]) && REACHED_AFTER.test(after))) return undefined;
  if (!isFull(found[1])) return found[1];
  return SHORT_OF.test(before) || INTENT.test(before) || PLAN_PHRASE.test(before) || (PLAN_AFTER.test(after) && !(PLAN_MET.test(after) && !PLAN_UNMET.test(after))) ? undefined : found[1];
}

/** The words of done and closed statuses in any scheme (RULES §2), as an update may open with them. */
const DONE_OR_CLOSED = /^\s*(?:fully\s+)?(?:complete|completed|done|achieved|finished|cancell?ed|withdrawn|postponed|aborted|deferred|on hold|closed)\s*(?:$|[-\u2013\u2014:(;,./&])/i;

/**
 * A completion told in the past tense, with when or how ("Completed on time", "Completed in September
 * 2010", "Completed 30/09/2010", "Completed and handed over", "Completed within budget", "Completed/Closed",
 * "Action completed", "This action is complete", "Target achieved", "Implemented", "Delivered"): done. Not a
 * date it is due by ("Complete by 31/03/2011", "Complete in March 2011"), nor what was done ("Completed
 * consultation, report due in March"); a part named after it ("Completed in part", "Completed with 2 of 3
 * sites live") is the activity rule's to refuse (schemes.ts partDone).
 */
const SUBJECT = "(?:(?:the|this)\\s+)?(?:action|project|task|work|works|scheme|milestone|milestones|activity|target|targets|objective|objectives|now|fully|all)";
const DONE_WORD = "(?:completed|done|finished|delivered|achieved|implemented)";
const WHEN_OR_HOW =
  "(?:[/&,;:.!(\\-\\u2013\\u2014]|\\s+(?:on|in|at|by the end of|within|under|as|and|ahead|early|late|with|successfully|fully|satisfactorily|(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})|(?:\\d{1,2}\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:19|20)\\d\\d)\\b)";
export const DONE_PHRASE = new RegExp(
  `^\\s*(?:(?:${SUBJECT}\\s+)?(?:(?:is|has been|was|are|have been)\\s+)?(?:now\\s+)?(?:complete|${DONE_WORD})\\s*[.!]?\\s*$|(?:${SUBJECT}\\s+)?${DONE_WORD}${WHEN_OR_HOW}|complete\\s+as\\s+(?:of|at)\\b)`,
  "i",
);

/**
 * Whether an update in words says how far the action has got: a figure (PROGRESS_TEXT, percentInText) or a
 * word of a done or closed status before any note ("Complete", "Cancelled – no funding"). The activity rule
 * then reads it as progress; any other text is an update only.
 */
export function readsAsProgress(text: string): boolean {
  // A number alone ("250", "1,200") in a position column is a figure of something else, not a percentage.
  return (PROGRESS_TEXT.test(text) && /%|per ?cent|complete|done/i.test(text)) || percentInText(text) !== undefined || DONE_OR_CLOSED.test(text) || DONE_PHRASE.test(text);
}
