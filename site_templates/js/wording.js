/**
 * Messages in the playbook's language, as Python's generator/wording.py gives them: a message
 * is English with named values, `say("write '{term}' instead", { term })`, and `render` gives
 * it from a table of the playbook's translation file (site_templates/translations/<lang>.yml):
 * English template -> text, or plural forms { one, other } chosen by the value named n. With
 * no table, or a template the table lacks, the English. Part of playbook-check.js.
 */

export const say = (template, values = {}) => ({ template, values });
/** A number of seconds, written in words by `render`: "1 h 30 min", "1 ora e 30 minuti". */
export const duration = (seconds) => ({ seconds });

const SPANS = [["d", 86400], ["h", 3600], ["m", 60], ["s", 1]];
const ENGLISH_UNITS = { d: "{n} d", h: "{n} h", m: "{n} min", s: "{n} s" };

const form = (entry, n) => (typeof entry === "string" ? entry : n === 1 ? entry.one : entry.other);
const fill = (text, values) =>
  text.replace(/\{\{|\}\}|\{(\w+)\}/g, (whole, name) => (name === undefined ? whole[0] : String(values[name])));

function inWords(seconds, table) {
  const unit = (u, n) => fill(form(table?.[`duration-${u}`] ?? ENGLISH_UNITS[u], n), { n });
  const parts = [];
  for (const [u, size] of SPANS) {
    const count = Math.floor(seconds / size);
    seconds -= count * size;
    if (count) parts.push(unit(u, count));
  }
  if (!parts.length) return unit("s", 0);
  if (parts.length === 1) return parts[0];
  const separator = table?.["duration-separator"] ?? " ";
  const list = table?.["duration-list"] ?? "{first} {last}";
  return fill(list, { first: parts.slice(0, -1).join(separator), last: parts[parts.length - 1] });
}

/** A message (or a duration, a plain text, null) in the language of the table. */
export function render(value, table = null) {
  if (value === null || typeof value !== "object") return value;
  if ("seconds" in value) return inWords(value.seconds, table);
  const values = {};
  for (const [name, v] of Object.entries(value.values)) values[name] = render(v, table);
  return fill(form(table?.[value.template] ?? value.template, value.values.n), values);
}
