// Cases written the way councils write them, beyond the fixture: each row names the rule it exercises.
import { PRESETS, RAG } from "../../src/engine/scheme/presets";
import { rateActivity, rateIndicator, type IndicatorRatingInput } from "../../src/engine/rate/rate";
import type { ActivityInput } from "../../src/engine/rate/activity";
import type { Scheme } from "../../src/engine/vocab/types";

const withExpected: Scheme = { ...RAG, key: "rag-ep", expectedProgress: { slack: 0.1 } };

type IndicatorRow = [rule: string, preset: string, input: IndicatorRatingInput, status: string];
const indicatorRows: IndicatorRow[] = [
  ["§4.3 polarity words: 'Aim to minimise'", "rag", { polarity: "Aim to minimise", target: "12", actual: "11" }, "green"],
  ["§4.3 polarity words: 'Bigger is better'", "rag", { polarity: "Bigger is better", target: "12", actual: "11.5" }, "amber"],
  ["§4.3 polarity words: 'Low'", "rag", { polarity: "Low", target: "12", actual: "13" }, "red"],
  ["§4.3 operator gives direction: 'no more than'", "pentana", { target: "no more than 2,386", actual: "2,386" }, "ok"],
  ["§4.3 operator 'at least' met exactly", "pentana", { target: "at least 90%", actual: "90%" }, "ok"],
  ["§4.3 polarity wins over a contradicting operator", "rag", { polarity: "Higher is better", target: "< 50", actual: "60" }, "green"],
  ["§4.4 number cells: fraction against % format", "rag", { polarity: "higher", target: 0.8, targetFormat: "0%", actual: 0.79, actualFormat: "0.0%" }, "amber"],
  ["§3 plain number above 1 against a percentage target", "rag", { polarity: "higher", target: "80%", actual: "78.9" }, "amber"],
  ["§4.5 relative tolerance: 5.1% short is red", "rag", { polarity: "higher", target: "1000", actual: "949" }, "red"],
  ["§4.5 lower is better, 5% over is amber", "rag", { polarity: "lower", target: "200", actual: "210" }, "amber"],
  ["§4.5 absolute tolerance 0.5 in units", "rag", { polarity: "lower", tolerance: "0.5", target: "3", actual: "3.4" }, "amber"],
  ["§4.5 absolute tolerance exceeded", "rag", { polarity: "lower", tolerance: 0.5, target: "3", actual: "3.6" }, "red"],
  ["§4.5 tolerance as a % number cell", "rag", { polarity: "higher", tolerance: 0.1, toleranceFormat: "0%", target: "100", actual: "91" }, "amber"],
  ["§4.5 points tolerance: '2pp' within", "rag", { polarity: "higher", tolerance: "2pp", target: "70%", actual: "68.5%" }, "amber"],
  // The closing note of 6 December: "Variance %" holding 15 was read as 15 units.
  ["§4.5 a bare number under a header in per cent is a percentage: 4% short within 5", "rag", { polarity: "higher", tolerance: 5, toleranceUnit: "percent", target: "1000", actual: "960" }, "amber"],
  ["§4.5 a bare number under a header in per cent: 11% short beyond 5", "rag", { polarity: "higher", tolerance: "5", toleranceUnit: "percent", target: "90", actual: "80" }, "red"],
  ["§4.5 a bare 5 beside percentages is 5 points, not 500: 10 points short is red", "rag", { polarity: "higher", tolerance: 5, target: "90%", actual: "80%" }, "red"],
  ["§4.5 a bare 5 beside percentages is 5 points: 4 points short is amber", "rag", { polarity: "higher", tolerance: 5, target: "90%", actual: "86%" }, "amber"],
  ["§4.5 a bare 0.05 beside percentages stays a fraction (5 points)", "rag", { polarity: "higher", tolerance: 0.05, target: "90%", actual: "86%" }, "amber"],
  // helper-98 on the first version of these.
  ["§4.5 a fraction under a header in per cent is that fraction: 0.05 is 5%, 3 points short of 90% within", "rag", { polarity: "higher", tolerance: 0.05, toleranceUnit: "percent", target: 0.9, targetFormat: "0%", actual: 0.87, actualFormat: "0%" }, "amber"],
  ["§4.5 a fraction under a header in per cent beside plain figures is that per cent: 0.25% of 20 is 0.05, so 20.5 is red", "rag", { polarity: "lower", tolerance: 0.25, toleranceUnit: "percent", target: 20, actual: 20.5 }, "red"],
  ["§4.5 0.5 under a header in per cent beside percentages is 0.5%: 97% against 98.5% is red", "rag", { polarity: "higher", tolerance: 0.5, toleranceUnit: "percent", target: 0.985, targetFormat: "0.0%", actual: 0.97, actualFormat: "0.0%" }, "red"],
  ["§4.5 a bare number under a header in points is points: 1.5 short within 2", "rag", { polarity: "higher", tolerance: 2, toleranceUnit: "points", target: 0.5, targetFormat: "0%", actual: 0.485, actualFormat: "0.0%" }, "amber"],
  ["§4.5 a bare 1 beside percentages is 1 point, not 100: 2 points short is red", "rag", { polarity: "higher", tolerance: 1, target: "90%", actual: "88%" }, "red"],
  ["§4.5 '+/- 5%' is a 5% tolerance", "rag", { polarity: "higher", tolerance: "+/- 5%", target: "100", actual: "96" }, "amber"],
  ["§4.5 band: inside is met", "rag", { target: "95%–105%", actual: "101%" }, "green"],
  ["§4.5 band: 'between 10 and 20' far below", "rag", { target: "between 10 and 20", actual: "5" }, "red"],
  ["§4 pro-rating: YTD count against annual target at Q2", "rag", { polarity: "lower", annualTarget: "1,000", yearToDate: true, periodFraction: 0.5, actual: "480" }, "green"],
  ["§4 pro-rating: YTD 530 against 500 (half of 1,000) is 6% over", "rag", { polarity: "lower", annualTarget: "1,000", yearToDate: true, periodFraction: 0.5, actual: "530" }, "red"],
  ["§4 not YTD: annual target as it stands", "rag", { polarity: "lower", annualTarget: "1,000", periodFraction: 0.5, actual: "900" }, "green"],
  ["§4 rates are not pro-rated", "rag", { polarity: "higher", annualTarget: "80%", yearToDate: true, periodFraction: 0.25, actual: "79%" }, "amber"],
  ["§4.1 'TBC' target is data only", "rag", { polarity: "higher", target: "TBC", actual: "10" }, "dataonly"],
  ["§4.1 empty target and no annual target", "rag", { polarity: "higher", target: "", actual: "10" }, "dataonly"],
  ["§4.2 formula error actual is no data", "rag", { polarity: "higher", target: "10", actual: { error: "#DIV/0!" } }, "nodata"],
  ["§4.2 'Annually reported.' actual", "dudley", { polarity: "higher", target: "56%", actual: "Annually reported." }, "nodata"],
  ["§7 computed wins over a manual rating", "dudley", { polarity: "higher", target: "50", actual: "60", manual: "▲" }, "better"],
  ["§7 manual stands when nothing is computed", "dudley", { polarity: "higher", target: "50", actual: "n/a", manual: "●" }, "within"],
  ["§2 cannock computed-first: met → ontarget", "cannock", { polarity: "higher", target: "50", actual: "60" }, "ontarget"],
  ["§2 cannock near → attention", "cannock", { polarity: "higher", target: "50", actual: "48" }, "attention"],
  ["§2 cannock off → amendment", "cannock", { polarity: "higher", target: "50", actual: "40" }, "amendment"],
];

test.each(indicatorRows)("%s", (_rule, preset, input, status) => {
  expect(rateIndicator(PRESETS[preset], input).status).toBe(status);
});

type ActivityRow = [rule: string, scheme: Scheme, input: ActivityInput, status: string, check: boolean];
const R = "2022-01-31";
const activityRows: ActivityRow[] = [
  ["§5.3 overdue by a day", PRESETS.rag, { due: "30/01/2022", progress: "50%", reportDate: R }, "overdue", false],
  ["§5.4 due on the report date is due soon", PRESETS.rag, { due: "31/01/2022", reportDate: R }, "warning", false],
  ["§5.4 31 days ahead is on track", PRESETS.rag, { due: "03/03/2022", reportDate: R }, "ontrack", false],
  ["§5.2 progress as a bare 100", PRESETS.pentana, { progress: 100, due: "Mar-2021", reportDate: R }, "completed", false],
  ["§5.2 progress as a fraction cell", PRESETS.pentana, { progress: 1, progressFormat: "0%", due: "Mar-2021", reportDate: R }, "completed", false],
  ["§5.2 \"100% complete\" typed as the status", PRESETS.rag, { manual: "100% complete", due: "Mar-2021", reportDate: R }, "completed", false],
  ["§5.2 \"100%\" typed as the status", PRESETS.pentana, { manual: "100%", due: "Mar-2021", reportDate: R }, "completed", false],
  ["§5.2 progress typed \"100% complete\"", PRESETS.rag, { progress: "100% complete", due: "Mar-2021", reportDate: R }, "completed", false],
  ["§5.2 progress typed \"c. 40%\", due later", PRESETS.rag, { progress: "c. 40%", due: "03/03/2022", reportDate: R }, "ontrack", false],
  // helper-92: a percentage with other words is still the figure.
  ...["100% - complete", "Complete (100%)", "100% achieved", "100%*", "100% (see note)", "Completed 100%", "100 per cent"].map(
    (progress): ActivityRow => [`§5.2 progress typed "${progress}"`, PRESETS.rag, { progress, due: "Mar-2021", reportDate: R }, "completed", false],
  ),
  // helper-90: a sentence in the progress column is an update, not a figure ("2,000" made it 100% complete).
  ["§5 a progress sentence with a number is no figure", PRESETS.rag, { progress: "Delivered to 2,000 households so far", due: "03/03/2022", reportDate: R }, "ontrack", false],
  ["§5 \"Consultation closed on 30 November\" is not 30% complete", withExpected, { start: "01/04/2021", due: "31/12/2022", progress: "Consultation closed on 30 November", reportDate: R }, "ontrack", false],
  // helper-107: a percentage inside a sentence is of something else, not the action's progress.
  ...[
    "Referrals to MARAC up 100% on last year; protocol still in draft.",
    "100% of Phase 1 homes fitted; Phase 2 starts January.",
    "Survey 100% returned; report being drafted",
    "Consultation 100 per cent complete, plan drafting.",
  ].map((progress): ActivityRow => [`§5 "${progress}" is an update, not 100% complete`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "overdue", false]),
  // helper-107: the progress typed in words. "Complete" is 100% (§5.2); "Cancelled" closes the action (§5.1).
  ...["Complete", "Completed", "Done", "Achieved", "Finished", "Completed (awaiting sign-off)", "Complete - March 2010", "Fully complete"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is done, though the due date passed`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  ...["Cancelled", "Cancelled – no funding", "Withdrawn"].map(
    (progress): ActivityRow => [`§5.1 progress "${progress}" closes the action`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "cancelled", false],
  ),
  // helper-108: a sentence that opens with such a word is an update; a closing that says the work is done is no cancelling.
  ...["Complete by 31/03/2011", "Complete review of fees by March 2011", "Completed consultation, report due to Cabinet in March", "Completed draft strategy; consultation to follow", "On hold pending funding decision", "100% of budget spent", "100% of referrals seen within 4 weeks", "Done - 2 sites remain", "Completed, with 2 of 3 sites live", "Completed (Phase 1)", "COMPLETED - STAGE 1", "Completed; phase 2 to start April 2011", "Referrals up 100%", "Red - 100%, overspent", "Completed with 2 of 3 sites live", "Consultation completed", "Completes in March 2011", "Closed - not complete"].map(
    (progress): ActivityRow => [`§5 progress "${progress}" is an update: rated on its due date`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "overdue", false],
  ),
  // helper-108: a percentage of the whole action after a few words of its own.
  ...["Project is 100% complete", "Works 100% complete", "Now at 100%", "Overall progress 100%", "Status: 100% complete", "Green - 100%", "100%+", "Works are 100% complete", "Progress to date: 100%", "% complete: 100%", "Q3: 100%", "YTD 100%", "Practical completion 100%", "Scheme now 100% complete"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is 100%`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  // A target, a forecast, a negation or "almost" before the percentage: no progress made (each was Completed).
  ...["Not yet 100%", "Not 100% complete", "Forecast 100%", "Target: 100%", "Target 100%", "Planned 100%", "Projected 100%", "Almost 100%", "Nearly 100%", "Expected 100% complete"].map(
    (progress): ActivityRow => [`§5 progress "${progress}" is no 100%: rated on its due date`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "overdue", false],
  ),
  // helper-111: the qualifier before or after the 100%, in brackets, abbreviated, or a deadline.
  ...["Not yet complete (100%)", "Forecast (100%)", "Planned completion (100%)", "100% (target)", "100% - by March 2011", "Below 100%", "Tgt: 100%", "F/cast 100%", "Projection: 100%", "By March 2011: 100%", "Target 100%, not yet signed off"].map(
    (progress): ActivityRow => [`§5 progress "${progress}" is no 100% (helper-111): rated on its due date`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "overdue", false],
  ),
  // helper-111: a target met, progress against one, or a word describing the work, is progress made.
  ...["Met target - 100%", "Achieved target 100%", "Target exceeded 100%", "Target 100% achieved", "On-target 100%", "Progress against target: 100%", "% of target: 100%", "Planned works 100% complete", "Targeted visits: 100%", "Due diligence 100% complete"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is 100% (helper-111)`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  // helper-112: a plan and its when before the 100%, a future or an intent; a note on the work after it is no plan.
  ...["Target for year: 100%", "Forecast outturn: 100%", "Expected completion: 100%", "Planned for March: 100%", "Due by March 2011: 100%", "Target date: 100%", "Should reach 100%", "Aiming for 100%", "Target unlikely to be met: 100%"].map(
    (progress): ActivityRow => [`§5 progress "${progress}" is no 100% (helper-112): rated on its due date`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "overdue", false],
  ),
  ...["100% - target met", "100% (target achieved)", "100% - due for review in 2012", "100% - to be signed off by Cabinet", "100% - by the deadline", "100% (tbc)", "Under budget: 100%", "Completed before due date (100%)", "Completed as planned (100%)"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is 100% (helper-112)`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  // helper-113: the plan with its when after the figure, or before a bracket; what follows finished work is no plan.
  ...["100% - due March 2011", "100% (expected Q4)", "100% (forecast outturn)", "100% - planned for Q4", "100% - to be completed by March 2011", "100% - by Q4", "100% - due to finish March 2011", "Completed phase 1; phase 2 due March 2011 (100%)", "Finished design; build expected Q4 (100%)"].map(
    (progress): ActivityRow => [`§5 progress "${progress}" is no 100% (helper-113): rated on its due date`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "overdue", false],
  ),
  ...["Works complete, Cabinet will sign off in January (100%)", "All sites live; this should reduce costs (100%)", "Planned works complete (100%)", "Forecast savings delivered (100%)", "Completed earlier than expected: 100%", "Progress as planned: 100%", "100% - due for review in 2012"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is 100% (helper-113)`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  // helper-114: a plan met after the figure is done; an intent before a bracketed 100% is not, unless the work is said done first.
  ...["100% - target date met", "100% - target for year achieved", "Completed before the target date (100%)", "Completed well before the planned date (100%)"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is 100% (helper-114)`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  ...["Will complete by March (100%)", "Due to go live April 2011 (100%)", "Expected next month (100%)", "Work will start in the new year (100%)", "Anticipated go-live June 2011 (100%)"].map(
    (progress): ActivityRow => [`§5 progress "${progress}" is no 100% (helper-114): rated on its due date`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "overdue", false],
  ),
  // helper-115: an intent only where it is to do the work, and not after the work is said done; a plan met only where it was.
  ...["Progress would have been faster with more staff (100%)", "Residents expect this service - now in place (100%)", "Contractor appointed; will start on site next month (100%)", "Completed by the target date (100%)", "100% - target date missed"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is 100% (helper-115)`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  ...["100% (to be achieved by March)", "100% - target date of March 2011 will be met", "100% - target for year not met", "100% - planned for Q4; not yet reached"].map(
    (progress): ActivityRow => [`§5 progress "${progress}" is no 100% (helper-115): rated on its due date`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "overdue", false],
  ),
  // helper-116: a "not" elsewhere in the note is no plan unmet; an intent to finish is never progress made, even after a step done.
  ...["100% - target date met - do not carry forward", "100% - due date met although not without difficulty", "Planning application submitted; will start on site in May (100%)"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is 100% (helper-116)`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  ...["Unlikely to complete by March (100%)", "Will be fully completed by March 2011 (100%)", "Bid submitted; will complete by March (100%)", "To be completed by target date (100%)", "Completion by target date: 100%", "100% - target date missed; still to complete", "We will be finishing in March (100%)"].map(
    (progress): ActivityRow => [`§5 progress "${progress}" is no 100% (helper-116): rated on its due date`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "overdue", false],
  ),
  // helper-117: an intent to finish said done after it, a cause ("due to delays"), or the whole said done first, is done.
  ...["Due to delays completed late (100%)", "All work that had to be completed is complete (100%)", "Set to complete by March, finished in February (100%)", "Completed. Review will be completed next year (100%)"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is 100% (helper-117)`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  ["§5 progress \"Partially complete, will complete by March (100%)\" is no 100% (helper-117)", PRESETS.rag, { progress: "Partially complete, will complete by March (100%)", due: "30/11/2021", reportDate: R }, "overdue", false],
  ["§5 progress \"Target: 95%\" is a target, not progress made: behind at half way (helper-112)", withExpected, { start: "01/04/2021", due: "31/12/2022", progress: "Target: 95%", reportDate: R }, "ontrack", false],
  ["§5 progress \"Almost complete - 95%\" is 95%: due soon, not completed", PRESETS.rag, { progress: "Almost complete - 95%", due: "15/02/2022", reportDate: R }, "warning", false],
  ["§5 progress \"Not started - 0%\" is 0%: behind at half way (helper-111)", withExpected, { start: "01/04/2021", due: "31/12/2022", progress: "Not started - 0%", reportDate: R }, "overdue", false],
  ...["On target 100%", "On target - 100%", "Target met - 100%"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is 100%`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  ["§5 progress \"Not complete (90%)\" is 90%: the words before the bracket are about the action", withExpected, { start: "01/04/2021", due: "31/12/2022", progress: "Not complete (90%)", reportDate: R }, "ontrack", false],
  ["§7 progress \"Complete\" against an officer's Green: the rules' Completed, checked", PRESETS.rag, { manual: "Green", progress: "Complete", due: "30/11/2021", reportDate: R }, "completed", true],
  ["§5 progress \"On track - 20%\" is read as 20%: behind at 48% of the way", withExpected, { start: "01/04/2021", due: "31/12/2022", progress: "On track - 20%", reportDate: R }, "overdue", false],
  // helper-107: a phase of the work done is not the action done.
  ["§5.2 \"Completed phase 1; phase 2 underway\" is no Completed", PRESETS.rag, { manual: "Completed phase 1; phase 2 underway", due: "30/11/2021", reportDate: R }, "overdue", false],
  ["§5.2 \"Complete (phase 1 of 3)\" is no Completed", PRESETS.rag, { manual: "Complete (phase 1 of 3)", due: "30/11/2021", reportDate: R }, "overdue", false],
  // helper-108: a note on the whole work after the word is still Completed; fewer than all of it is not.
  ...["Completed – 0 issues outstanding", "Completed - contract has 2 years left to run", "Completed - Phase 1 of 1", "Closed - completed", "Completed - Stage 3 (final)", "Complete - partly funded by grant", "Complete - 2 remaining issues closed"].map(
    (manual): ActivityRow => [`§5.2 "${manual}" is Completed (helper-109)`, PRESETS.rag, { manual, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  ...["Closed - all actions complete", "Withdrawn - achieved through other means", "Completed.", "Completed within budget", "Completed/Closed", "Complete & now BAU", "This action is complete"].map(
    (progress): ActivityRow => [`§5.2 progress "${progress}" is done (helper-109)`, PRESETS.rag, { progress, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  ...["Completed – now part of business as usual", "Complete - no outstanding issues", "Completed (3 of 3 actions)", "Complete - final stage signed off", "Completed - still within budget", "Completed, ongoing monitoring as BAU"].map(
    (manual): ActivityRow => [`§5.2 "${manual}" is Completed`, PRESETS.rag, { manual, due: "30/11/2021", reportDate: R }, "completed", false],
  ),
  ...["Completed 2 of 3 milestones", "Completed in part", "Completed stage 1", "Completed – phase 2 underway", "Completed first phase", "Completed - 3 actions outstanding"].map(
    (manual): ActivityRow => [`§5.2 "${manual}" is no Completed`, PRESETS.rag, { manual, due: "30/11/2021", reportDate: R }, "overdue", false],
  ),
  ["§5.2 \"Completed 31/3/2011\" is Completed", PRESETS.rag, { manual: "Completed 31/3/2011", due: "30/11/2021", reportDate: R }, "completed", false],
  // helper-107: a due date typed as a quarter, a year or with words around it is read (it was "not a date", and the officer's Green stood).
  ["§5.3 due \"Q2 2010/11\" is overdue in a Q3 report", PRESETS.rag, { manual: "Green", due: "Q2 2010/11", reportDate: "2010-12-31" }, "overdue", true],
  ["§5.5 due \"Q4 2010/11\" is on track in a Q3 report", PRESETS.rag, { due: "Q4 2010/11", reportDate: "2010-12-31" }, "ontrack", false],
  ["§5.3 due \"end of November 2010\" is overdue", PRESETS.rag, { due: "end of November 2010", reportDate: "2010-12-31" }, "overdue", false],
  ["§5.5 due \"By 31/03/2011\" is on track", PRESETS.rag, { due: "By 31/03/2011", reportDate: "2010-12-31" }, "ontrack", false],
  ["§5 due date as an Excel serial", PRESETS.pentana, { due: 44561, reportDate: R, manual: "In Progress" }, "overdue", true],
  // "Dec-2021" typed into Excel is stored as 1 December and shown "Dec-21": due at the month's end, as the same text is.
  ["§3 due \"Dec-2021\" as Excel stores it (1 Dec, mmm-yy) is due 31 Dec: due soon on 15 Dec, not overdue", PRESETS.pentana, { manual: "In Progress", progress: "25%", due: 44531, dueFormat: "mmm-yy", reportDate: "2021-12-15" }, "warning", true],
  ["§3 a date of 15 Dec shown only as its month is due that day", PRESETS.pentana, { manual: "In Progress", progress: "25%", due: 44545, dueFormat: "[$-809]mmmm yyyy;@", reportDate: "2021-12-20" }, "overdue", true],
  ["§3 1 Dec shown as a full date is due that day", PRESETS.pentana, { manual: "In Progress", progress: "25%", due: 44531, dueFormat: "dd/mm/yyyy", reportDate: "2021-12-15" }, "overdue", true],
  ["§5 due date as a Date cell", PRESETS.pentana, { due: new Date(Date.UTC(2022, 5, 30)), reportDate: R }, "inprogress", false],
  ["§5 no dates: manual decides (rag computed falls back)", PRESETS.rag, { manual: "Amber" }, "warning", false],
  ["§5.1 postponed beats overdue", PRESETS.pentana, { manual: "Postponed", due: "Jun-2020", reportDate: R }, "cancelled", false],
  ["§7 dudley activities: manual only, never checked", PRESETS.dudley, { manual: "★", due: "Jun-2020", reportDate: R }, "good", false],
  ["§7 cannock unknown text → nodata", PRESETS.cannock, { manual: "see commentary" }, "nodata", false],
  ["§5 expected progress: 20% at 48% of the way is behind", withExpected, { start: "01/04/2021", due: "31/12/2022", progress: "20%", reportDate: R }, "overdue", false],
  ["§5 expected progress: 40% at 48% of the way is fine", withExpected, { start: "01/04/2021", due: "31/12/2022", progress: "40%", reportDate: R }, "ontrack", false],
  ["§5 expected progress: 30% at 48% is slipping", withExpected, { start: "01/04/2021", due: "31/12/2022", progress: "30%", reportDate: R }, "warning", false],
];

test.each(activityRows)("%s", (_rule, scheme, input, status, check) => {
  const rating = rateActivity(scheme, input);
  expect(rating.status).toBe(status);
  expect(rating.checks.length > 0).toBe(check);
});

test("one day overdue reads \"1 day\" (helper-107)", () => {
  expect(rateActivity(PRESETS.rag, { due: "30/01/2022", reportDate: "2022-01-31" }).reason).toBe("due 30/01/2022, 1 day before the report date");
});

test("a status check says what each side says", () => {
  const rating = rateActivity(PRESETS.pentana, { manual: "In Progress", progress: "95%", due: "Jun-2021", reportDate: "2021-12-01" });
  expect(rating.checks[0]).toMatch(/manual In Progress, rules say Overdue/);
  expect(rating.checks[0]).toMatch(/30\/06\/2021/);
});

test("an unrecognised rating is a quality note, not a check", () => {
  const rating = rateIndicator(PRESETS.rag, { polarity: "higher", target: "10", actual: "12", manual: "Greenish" });
  expect(rating.checks).toEqual([]);
  expect(rating.quality.map((q) => q.text).join(" ")).toMatch(/Greenish/);
});

test("a reason written only when read is the same in the rating and in its JSON", () => {
  const rating = rateIndicator(PRESETS.rag, { polarity: "higher", target: "80%", actual: "76%", tolerance: "5%" });
  expect(rating.reason).toBe("76% against a target of 80%: 5% short, within the 5% tolerance");
  expect(JSON.parse(JSON.stringify(rating))).toEqual({ status: "amber", level: "near", source: "rules", computed: "amber", checks: [], reason: rating.reason, quality: [], trend: "notrend", trendLongTerm: "notrend", comparisons: [], direction: "higher" });
});

test("a rescaled percentage is reported as a data-quality note", () => {
  const rating = rateIndicator(PRESETS.pentana, { polarity: "higher", target: "80%", actual: "78.9" });
  expect(rating.quality.map((q) => q.text).join(" ")).toMatch(/78\.9%/);
});

test("trend follows the preset: rag needs three agreeing changes, dudley one", () => {
  const series = [10, 11, 12, 13].map((value) => ({ value }));
  expect(rateIndicator(PRESETS.rag, { polarity: "higher", target: "10", actual: "13", series }).trend).toBe("improving");
  const short = [12, 13].map((value) => ({ value }));
  expect(rateIndicator(PRESETS.rag, { polarity: "higher", target: "10", actual: "13", series: short }).trend).toBe("notrend");
  expect(rateIndicator(PRESETS.dudley, { polarity: "lower", target: "10", actual: "13", series: short }).trend).toBe("worsening");
});
