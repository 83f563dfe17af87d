/**
 * playbook-detect.js: the situation of a customer's message, as `playbook check` detects it,
 * for browsers and Node. Its own module beside playbook-check.js because it carries most of
 * the weight (Snowball stemmers, VADER's lexicons): a page loads it on the first message to
 * detect, not with the checker.
 *
 *   import { detectSituation } from "./playbook-detect.js";
 *   const situation = detectSituation(rules, "whatsapp", customerMessage);
 *   // or, to gate the rules scoped to situations as `playbook check` does:
 *   const { situation, confidence } = detectSituationWithConfidence(rules, "whatsapp", message);
 *   check(rules, draft, { channel: "whatsapp", situation, confidence });
 */

import { channelRules, situations, TermIndex } from "./playbook-check.js";
import { compileDetection, detectWithConfidence } from "./situations.js";

export { DetectionError, compileDetection, detect, detectWithConfidence } from "./situations.js";
export { vaderCompound } from "./vader.js";

const detectors = new WeakMap();

/**
 * The situation of a customer's message, as `Checker.detect_situation` gives it: from the
 * export's `detection` section (format 2.1: stems, lexicons, cues, precedence; see
 * situations.js). A file without one (format 2.0 and older) gives the situation whose own
 * signals occur most in the message, the first on a tie, or null. A language this module
 * cannot stem raises DetectionError.
 */
export function detectSituation(rules, channel, customerText) {
  return detectSituationWithConfidence(rules, channel, customerText).situation;
}

/**
 * The situation of a customer's message and its confidence, as `Checker.situation_of`:
 * { situation, confidence }, confidence "strong" when two pieces of evidence agree, "weak" on
 * one (always "weak" for files without a detection section). Pass both to `check`.
 */
export function detectSituationWithConfidence(rules, channel, customerText) {
  channelRules(rules, channel); // an unknown channel is an error, as in check
  let detector = detectors.get(rules);
  if (!detector) {
    if (rules.detection) detector = { compiled: compileDetection(rules.detection) };
    else {
      const list = situations(rules);
      const groups = list.map((s) => ({ terms: s.signals, caseSensitive: false, exceptions: [] }));
      detector = { ids: list.map((s) => s.id), index: new TermIndex(groups) };
    }
    detectors.set(rules, detector);
  }
  if (detector.compiled) {
    const { situation, confidence } = detectWithConfidence(detector.compiled, customerText);
    return { situation, confidence: confidence ?? "weak" };
  }
  let best = null, bestCount = 0;
  detector.index.find(customerText).forEach((matches, i) => {
    const count = new Set(matches.map((m) => m.index)).size;
    if (count > bestCount) [best, bestCount] = [detector.ids[i], count];
  });
  return { situation: best, confidence: "weak" };
}
