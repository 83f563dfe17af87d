/**
 * The site's "Check a draft" forms: the checker of playbook-check.js applied as the agent
 * types, with the words that break a rule highlighted behind the draft. The rules come from
 * the site's own rules.json; what is typed stays in the page.
 */
const forms = [...document.querySelectorAll("[data-pb-check]")];
// The checker loads only on pages with a check form (this script is on every page); the
// detection of situations, most of the weight, only once a customer's message is pasted.
const { check } = forms.length ? await import("./playbook-check.js") : {};
let loaded = null, detection = null;

function rulesFrom(root) {
  loaded ??= fetch(`${root}rules.json`, { credentials: "same-origin" }).then((response) => {
    if (!response.ok) throw new Error(`rules.json: ${response.status}`);
    return response.json();
  });
  return loaded;
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The draft as text with <mark> over each finding's span, for the backdrop. */
function paint(backdrop, text, findings) {
  const spans = findings.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  backdrop.replaceChildren();
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // overlapping spans: the first one is shown
    backdrop.append(text.slice(at, f.start));
    const mark = element("mark", `pb-check__mark pb-check__mark--${f.severity}`, text.slice(f.start, f.end));
    backdrop.append(mark);
    at = f.end;
  }
  // A trailing newline needs a character after it to take up its line, as in the textarea.
  backdrop.append(text.slice(at) + "\u200b");
}

function setup(form, rules) {
  const words = JSON.parse(form.dataset.words);
  const messages = JSON.parse(form.dataset.messages || "{}");
  const root = form.dataset.root;
  const $ = (name) => form.querySelector(`[data-pb-${name}]`);
  const [channel, situation, customer, detected, draft, backdrop, status, list] = [
    "channel", "situation", "customer", "detected", "draft", "backdrop", "status", "findings",
  ].map($);
  // "given" when the agent picks the situation; a detected one carries its confidence, which
  // decides, as in `playbook check --in-reply-to`, whether the rules scoped to it apply.
  let announced = "", timer = 0, confidence = "given";

  async function detect() {
    const message = customer.value, on = channel.value;
    if (!message.trim()) {
      detected.textContent = "";
      return;
    }
    let found;
    try {
      detection ??= import("./playbook-detect.js");
      found = (await detection).detectSituationWithConfidence(rules, on, message);
    } catch (error) {
      // A language the browser cannot stem: the draft is still checked, the situation picked.
      const known = error.name === "DetectionError";
      if (!known) detection = null; // a failed download is tried again on the next edit
      const language = rules.playbook.language;
      detected.textContent = known ? fill(words["no-detection"], { language }) : words["detection-unavailable"];
      run();
      return;
    }
    if (customer.value !== message || channel.value !== on) return; // typed on meanwhile
    situation.value = found.situation ?? "";
    confidence = found.confidence ?? "weak";
    const name = rules.situations.find((s) => s.id === found.situation)?.name;
    detected.textContent = found.situation ? fill(words.detected, { name }) : words["none-detected"];
    run();
  }

  function summary(findings) {
    if (!findings.length) return words.clean;
    const count = (severity, plural) => {
      const n = findings.filter((f) => f.severity === severity).length;
      return fill(n === 1 ? words[`${severity}-one`] : words[plural], { n });
    };
    const parts = [count("error", "errors"), count("warning", "warnings")];
    if (findings.some((f) => f.severity === "suggestion")) parts.push(count("suggestion", "suggestions"));
    return parts.join(", ");
  }

  function apply(finding) {
    const text = draft.value;
    const replacement = finding.fix.text;
    draft.value = text.slice(0, finding.start) + replacement + text.slice(finding.end);
    const caret = finding.start + replacement.length;
    draft.focus();
    draft.setSelectionRange(caret, caret);
    run();
    status.textContent = `${fill(words.applied, { text: replacement })} ${status.textContent}`;
  }

  function item(finding) {
    const li = element("li", `pb-check__finding pb-check__finding--${finding.severity}`);
    const head = element("p", "pb-check__head");
    const severity = finding.severity === "suggestion" ? words["suggestion-severity"] : words[finding.severity];
    head.append(element("span", `pb-check__severity pb-severity pb-severity--${finding.severity}`, severity), " ");
    head.append(element("span", "pb-check__message", finding.message));
    li.append(head);
    const where = fill(words.at, { line: finding.line, column: finding.column });
    const meta = element("p", "pb-check__meta");
    if (finding.match) meta.append(element("q", "pb-check__match", finding.match), " ");
    meta.append(`${where} · `);
    const link = element("a", "", `${words.rule} ${finding.rule}`);
    link.href = root + finding.link;
    meta.append(link);
    li.append(meta);
    if (finding.suggestion) {
      const tip = element("p", "pb-check__suggestion", `${words.suggestion}: ${finding.suggestion}`);
      if (finding.fix) {
        const button = element("button", "md-button pb-check__apply", `${words.apply}: `);
        button.append(element("q", "", finding.fix.text));
        button.type = "button";
        button.addEventListener("click", () => apply(finding));
        tip.append(" ", button);
      }
      li.append(tip);
    }
    return li;
  }

  function run() {
    const findings = check(rules, draft.value, {
      channel: channel.value, situation: situation.value || null, confidence, messages,
    });
    paint(backdrop, draft.value, findings);
    list.replaceChildren(...findings.map(item));
    // The live region speaks once typing pauses, not on every key.
    clearTimeout(timer);
    timer = setTimeout(() => {
      const text = draft.value.trim() ? summary(findings) : "";
      if (text !== announced) status.textContent = announced = text;
    }, 350);
  }

  draft.addEventListener("input", run);
  draft.addEventListener("scroll", () => {
    backdrop.scrollTop = draft.scrollTop;
    backdrop.scrollLeft = draft.scrollLeft;
  });
  customer.addEventListener("input", detect);
  channel.addEventListener("change", () => (customer.value.trim() ? detect() : run()));
  situation.addEventListener("change", () => {
    confidence = "given";
    run();
  });
  status.textContent = "";
  form.classList.add("pb-check--ready");
  run();
}

for (const form of forms) {
  rulesFrom(form.dataset.root)
    .then((rules) => setup(form, rules))
    .catch(() => {
      form.querySelector("[data-pb-status]").textContent = JSON.parse(form.dataset.words).unavailable;
    });
}
