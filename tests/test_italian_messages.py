"""Every sentence playbook prints for an Italian playbook is Italian: validate, check, audit and
diff on the command line and the site's rule-kind pages are searched for English words.

Exempt by construction: text between quotes (the user's own words, the parser's), rule ids in
brackets, ids of the playbook, paths, links, tokens with `_`, `-`, `/`, `.`, `#` (YAML keys,
ids), and lists of three or more keys of the YAML format ("Chiavi ammesse: id, name, public").
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.kinds import KINDS
from generator.site.rendering import render
from generator.validation import validate
from generator.wording import Duration, say, translate
from tests.conftest import ITALIAN, ROOT
from tests.test_browser import browser, served  # noqa: F401 - fixtures

TRANSLATIONS = ROOT / "site_templates" / "translations"

#: Common English words that are not Italian words (nor loanwords Italian software uses).
_WORDS = """
while parsing find scanning could
the and of to is are was were be been with without for from this that these those its there
they their you your we our not none nothing reply replies write instead add after before
past time times answer answered sooner more than missing unknown key keys expected found
must should see suggestion error errors warning warnings valid did mean rule rules channel
channels situation situations conversation conversations message messages findings finding
response business hours median share band bands first next agent agents customer customers
changed added removed term terms limit template templates sent over under at most least line
column defined twice give each own allowed needs list mapping number whole quote value
values empty remove rename name create folder here which when where what why how one two
three but if then only also every same shorten characters words sentences person asked
nobody came wait waited longest worst unanswered late public private complaint complaints
leave out replace details personalise transferred department kept case exactly default
matches phrases patterns links split allow allows does doesn't don't it's always never
already used use using keep itself instead such like less slower faster lower
"""
ENGLISH = frozenset(_WORDS.split())

_QUOTED = re.compile(r"(?<!\w)'[^'\n]*?'(?!\w)|\"[^\"\n]*\"|«[^»\n]*»|`[^`\n]*`|\[[^\]\n]*\]")
_ELISION = re.compile(r"(?<=\w)['’](?=\w)")
_IDENTIFIER = re.compile(r"[/_#@=.\-\d{}<>$]")


def _keys(schema: object) -> set[str]:
    if isinstance(schema, dict):
        own = (
            set(schema.get("properties", {}))
            if isinstance(schema.get("properties"), dict)
            else set()
        )
        return own.union(*(_keys(v) for v in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_keys(v) for v in schema))
    return set()


#: The keys a playbook's YAML is written with: names, not sentences.
YAML_KEYS = frozenset(
    key
    for name in ("playbook", "channel")
    for key in _keys(json.loads((ROOT / "rules" / f"{name}.schema.json").read_text()))
)


_KEY = r"[$\w]+"
_KEY_LIST = re.compile(rf"{_KEY}(?:, {_KEY}){{2,}}")


def _not_keys(found: re.Match[str]) -> str:
    keys = found.group().split(", ")
    return " " if all(k in YAML_KEYS or not k.isalpha() for k in keys) else found.group()


def english_words(text: str, exempt: frozenset[str] = frozenset()) -> set[str]:
    """The words of the list in a text, outside what is exempt by construction."""
    text = _KEY_LIST.sub(_not_keys, _QUOTED.sub(" ", _ELISION.sub("’", text)))
    found = set()
    for token in text.split():
        bare = token.strip(".,;:!?()…%")
        if not bare or _IDENTIFIER.search(bare.rstrip(".")) or bare in exempt:
            continue
        if bare.casefold() in ENGLISH:
            found.add(bare)
    return found


def test_the_word_check_finds_english_and_passes_italian() -> None:
    assert english_words("sent after 3 h, past the acceptable time of 1 h") >= {"sent", "the"}
    italian = "inviata dopo 3 ore, oltre il tempo accettabile di 1 ora. Vedi rules/#tempo"
    assert english_words(italian) == set()
    assert english_words("scrivi 'the reply' al suo posto [no-the-rule] dell'operatore") == set()
    assert english_words("Chiavi ammesse: id, name, public.") == set()
    assert english_words("Chiavi: the, and, of.") == {"the", "and", "of"}


def ids_of(folder: Path) -> frozenset[str]:
    """The channel, situation and rule ids of a playbook: names, not sentences."""
    playbook = validate(folder).playbook
    assert playbook is not None
    names = {c.id for c in playbook.channels} | {s.id for s in playbook.situations}
    return frozenset(names | {r.id for r in playbook.rules})


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout + result.stderr


# Rules of every kind that the Italian fixture does not have, for check and audit.
EXTRA_RULES = """
  - id: niente-insistenza
    kind: follow_ups
    severity: warning
    message: Non si insiste con il cliente.
    options: {max: 1}
  - id: una-persona-se-richiesta
    kind: handoff
    severity: error
    message: Chi chiede una persona la trova.
    options: {asks: [operatore], within: 5m}
  - id: niente-rimbalzi
    kind: transfers
    severity: warning
    message: Non si rimbalza il cliente tra i reparti.
    options: {max: 1}
  - id: senza-risposta
    kind: unanswered
    severity: error
    message: Ogni cliente riceve una risposta.
    options: {band: target}
  - id: copia-incolla
    kind: repeated_reply
    severity: suggestion
    message: Le risposte sono personali.
    options: {min_conversations: 2}
  - id: parole-vietate
    kind: banned_term
    severity: error
    message: Parole da non usare.
    options: {terms: [salve], replacement: buongiorno}
  - id: parole-preferite
    kind: preferred_term
    severity: warning
    message: Scrivi 'consegna' al posto di '{match}'.
    options: {term: consegna, instead_of: [spedizione a domicilio]}
"""


@pytest.fixture(scope="module")
def italian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("italiano") / "guidelines"
    shutil.copytree(ITALIAN, folder)
    playbook = folder / "playbook.yml"
    text = playbook.read_text(encoding="utf-8")
    playbook.write_text(text.replace("\nrules:\n", "\nrules:\n" + EXTRA_RULES.lstrip("\n"), 1))
    assert validate(folder).playbook is not None
    return folder


def _mutate(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Mistakes of every layer, grouped so that each group's files still reach the layer it tests.
MISTAKES = {
    "schema": [
        ("channels/whatsapp.yml", "formality: neutral", "formality: neutrale"),
        ("channels/whatsapp.yml", "public: false", "public: false\nsconosciuta: 1"),
        ("channels/whatsapp.yml", "characters: 500", "characters: cinquecento"),
        ("channels/whatsapp.yml", "sentences: 6", "sentences: 0"),
        ("channels/email.yml", "kind: email", "kind: email\ndos: []"),
        ("playbook.yml", "version:", "versione: 1\nversion:"),
        ("playbook.yml", "kind: placeholder", "kind: placeholders"),
        ("playbook.yml", "options: {metric: next_response, band: acceptable}", "options: {}"),
    ],
    "meaning": [
        ("playbook.yml", "situations: [complaint, reminder]", "situations: [complaints]"),
        ("playbook.yml", "id: segnaposto-compilati", "id: registro-formale"),
        ("channels/whatsapp.yml", "time_zone: Europe/Rome", "time_zone: Europe/Roma"),
        ("channels/whatsapp.yml", "id: whatsapp", "id: whatsap"),
        (
            "playbook.yml",
            "builtin: [channel-switch]",
            "builtin: [channel-switch]\n      patterns: ['(a)\\1', '(?U)a+', 'a(?i:b)', '[b']",
        ),
    ],
    "consistency": [
        ("playbook.yml", "fail: [Il Suo ordine parte domani.]", "fail: [Ci scusiamo, parte.]"),
    ],
    "yaml": [
        ("channels/email.yml", "kind: email", "kind: email\nkind: email"),
        ("channels/whatsapp.yml", "name: WhatsApp", "name: [WhatsApp"),
        ("playbook.yml", "company:", "\tcompany:"),
    ],
}


@pytest.mark.parametrize("layer", sorted(MISTAKES))
def test_validate_speaks_italian(layer: str, italian: Path, tmp_path: Path) -> None:
    folder = tmp_path / "guidelines"
    shutil.copytree(italian, folder)
    for file, old, new in MISTAKES[layer]:
        _mutate(folder, file, old, new)
    code, text = run("validate", str(folder))
    assert code == 1 and "errore" in text, text
    _, as_json = run("validate", "--format", "json", str(folder))
    diagnostics = json.loads(as_json.split("\nplaybook:")[0])["diagnostics"]
    assert len(diagnostics) >= len(MISTAKES[layer]) - 1, diagnostics
    sentences = [text] + [d["message"] for d in diagnostics]
    leaks = {s: english_words(s, ids_of(ITALIAN)) for s in sentences}
    assert not {s: w for s, w in leaks.items() if w}


def test_a_playbook_without_a_language_line_gets_english(tmp_path: Path) -> None:
    folder = tmp_path / "guidelines"
    shutil.copytree(ITALIAN, folder)
    _mutate(folder, "playbook.yml", "language: it\n", "")
    code, text = run("validate", str(folder))
    assert code == 1 and "missing 'language': add it." in text, text


DRAFTS = [
    # banned and preferred terms, channel switch, register, placeholder, emoji, a thread marker
    "Salve {nome}, ci scriva un'email per la spedizione a domicilio: controlla la tua app 😔 1/2",
    "Buongiorno, " + "il pacco parte domani. " * 30,  # too long, too many sentences
]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_check_speaks_italian(fmt: str, italian: Path, tmp_path: Path) -> None:
    sentences: list[str] = []
    kinds: set[str] = set()
    for i, draft in enumerate(DRAFTS):
        reply = tmp_path / f"bozza{i}.txt"
        reply.write_text(draft, encoding="utf-8")
        args = ["check", "-c", "whatsapp", "-s", "complaint", "--waited", "1d3h", "--guidelines"]
        code, out = run(*args, str(italian), "--format", fmt, str(reply))
        assert code == 1, out
        _, found = run(*args, str(italian), "--format", "json", str(reply))
        kinds |= {f["kind"] for f in json.loads(found)["findings"]}
        if fmt == "json":
            findings = json.loads(out)["findings"]
            sentences += [f["message"] for f in findings]
            sentences += [f["suggestion"] for f in findings if f["suggestion"]]
        elif fmt == "sarif":
            run_ = json.loads(out)["runs"][0]
            sentences += [r["message"]["text"] for r in run_["results"]]
            sentences += [
                fix["description"]["text"] for r in run_["results"] for fix in r.get("fixes", [])
            ]
        else:
            sentences += [line.split("::", 2)[-1] for line in out.splitlines()]
    assert kinds == {k.name for k in KINDS.values() if k.scope == "reply"}
    leaks = {s: english_words(s, ids_of(italian)) for s in sentences}
    assert not {s: w for s, w in leaks.items() if w}


def test_an_unknown_channel_or_situation_is_told_in_italian(italian: Path) -> None:
    code, out = run("check", "-c", "whatsap", "--guidelines", str(italian), "-")
    assert code == 2 and "non esiste il canale 'whatsap'. Forse intendevi 'whatsapp'?" in out
    code, out = run("check", "-c", "email", "-s", "ciao", "--guidelines", str(italian), "-")
    assert code == 2 and "non esiste la situazione 'ciao'. Situazioni: information," in out


def test_fix_and_export_say_what_they_wrote_in_italian(italian: Path, tmp_path: Path) -> None:
    reply = tmp_path / "bozza.txt"
    reply.write_text("Salve Anna, il pacco parte oggi.", encoding="utf-8")
    code, out = run(
        "check", "-c", "whatsapp", "--guidelines", str(italian), "--fix", "--write", str(reply)
    )
    assert f"{reply}: 1 correzione" in out and reply.read_text().startswith("Buongiorno"), out
    code, out = run("export", str(italian), "-o", str(tmp_path / "rules.json"))
    assert code == 0 and out.strip() == f"scritto {tmp_path / 'rules.json'}", out


def test_init_in_italian_says_so_in_italian(tmp_path: Path) -> None:
    code, out = run(
        "init",
        str(tmp_path / "demo"),
        "--language",
        "it",
        "--company",
        "Bottega",
        "--channels",
        "email",
    )
    assert code == 0 and "con 1 canale.\nPoi: playbook validate" in out, out
    assert not english_words(out.replace(str(tmp_path), "x"))


LOG = [
    ("c1", "whatsapp", "09:00", "customer", "Il mio ordine è arrivato rotto, inaccettabile", None),
    ("c1", "whatsapp", "09:05", "agent", "Buongiorno, ecco il Suo rimborso.", "vendite"),
    ("c1", "whatsapp", "09:06", "agent", "Mi scusi, controlliamo subito.", "resi"),
    ("c1", "whatsapp", "09:07", "agent", "Le scriviamo appena possibile.", "magazzino"),
    ("c2", "whatsapp", "09:10", "customer", "Voglio parlare con un operatore", None),
    ("c2", "bot", "09:11", "bot", "Posso aiutarLa io: di che cosa ha bisogno?", None),
    ("c3", "email", "09:20", "customer", "Dov'è il mio pacco? Aspetto da una settimana.", None),
    ("c4", "whatsapp", "09:30", "customer", "Quando arriva il divano?", None),
    ("c4", "whatsapp", "16:30", "agent", "Le scriviamo appena possibile.", None),
]


def italian_log(tmp_path: Path) -> Path:
    log = tmp_path / "conversazioni.jsonl"
    rows = []
    for conversation, channel, clock, role, text, department in LOG:
        row = {
            "conversation": conversation,
            "channel": "whatsapp" if channel == "bot" else channel,
            "time": f"2026-03-23T{clock}:00+01:00",
            "role": role,
            "text": text,
        }
        if department:
            row["department"] = department
        rows.append(json.dumps(row, ensure_ascii=False))
    log.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return log


def test_the_audit_pages_speak_italian(italian: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, out = run("build", str(italian), "-d", str(site), "--audit", str(italian_log(tmp_path)))
    assert code == 0, out
    pages = sorted((site / "audit").rglob("index.html"))
    assert len(pages) >= 3
    for page in pages:
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        words = re.sub(r"<script.*?</script>|<[^>]+>", " ", article, flags=re.S)
        assert not english_words(words), (page, english_words(words))


@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_audit_speaks_italian(fmt: str, italian: Path, tmp_path: Path) -> None:
    log = italian_log(tmp_path)
    code, out = run("audit", str(log), "--guidelines", str(italian), "--format", fmt)
    assert code == 1, out
    if fmt == "text":
        sentences = out.splitlines()
    elif fmt == "csv":
        table = list(csv.DictReader(io.StringIO(out)))
        sentences = [r["message"] for r in table] + [r["suggestion"] for r in table]
    else:
        findings = [f for c in json.loads(out)["conversations"] for f in c["findings"]]
        sentences = [f["message"] for f in findings] + [f["suggestion"] or "" for f in findings]
    _, as_json = run("audit", str(log), "--guidelines", str(italian), "--format", "json")
    conversations = json.loads(as_json)["conversations"]
    kinds = {f["kind"] for c in conversations for f in c["findings"]}
    assert kinds >= {"follow_ups", "handoff", "transfers", "unanswered", "repeated_reply"}, kinds
    exempt = ids_of(italian) | {"conv"}
    leaks = {s: english_words(s, exempt) for s in sentences}
    assert not {s: w for s, w in leaks.items() if w}


def test_diff_speaks_italian(italian: Path, tmp_path: Path) -> None:
    new = tmp_path / "nuova"
    shutil.copytree(italian, new)
    _mutate(new, "playbook.yml", "severity: warning", "severity: error")
    _mutate(new, "playbook.yml", "  - id: copia-incolla", "  - id: copia-e-incolla")
    _mutate(new, "channels/whatsapp.yml", "characters: 500", "characters: 400")
    sentences = []
    for fmt in ("text", "markdown"):
        code, out = run("diff", str(italian), str(new), "--format", fmt)
        assert code == 0 and out.strip(), out
        sentences += out.splitlines()
    _, none = run("diff", str(italian), str(italian))
    sentences.append(none)
    assert any("modifica" in s for s in sentences) and any("aggiunta" in s for s in sentences)
    leaks = {s: english_words(s, ids_of(italian)) for s in sentences}
    assert not {s: w for s, w in leaks.items() if w}


def test_the_kind_pages_speak_italian() -> None:
    result = validate(ITALIAN)
    assert result.playbook is not None
    pages = render(result.playbook)
    for kind in KINDS:
        page = pages[f"kinds/{kind}.md"]
        # The examples are the kind's own test data (replies in English): the text before them.
        text = page.split("## Esempi")[0]
        # In the table of options, the type column holds values of the format (one of: every,
        # first): the option and its description are the sentences.
        rows = [r.split(" | ") for r in text.splitlines()]
        text = "\n".join(" ".join([r[0], *r[3:]]) if len(r) == 4 else r[0] for r in rows)
        prose = re.sub(r"<[^>]+>|\*\*|\|", " ", text)
        assert not english_words(prose, frozenset(KINDS)), (kind, english_words(prose))


def test_every_key_of_en_is_in_it_and_back() -> None:
    english = yaml.safe_load((TRANSLATIONS / "en.yml").read_text(encoding="utf-8"))
    italian = yaml.safe_load((TRANSLATIONS / "it.yml").read_text(encoding="utf-8"))
    # The kinds' own English is in their modules; only the Italian has these keys.
    from_kinds = {
        f"kind-{k.name}-{part}"
        for k in KINDS.values()
        for part in ("summary", "rationale")
        + tuple(
            f"option-{o}" for o, s in k.options_schema["properties"].items() if "description" in s
        )
    }
    assert set(english) == set(italian) - from_kinds
    assert from_kinds <= set(italian)
    for key, value in italian.items():
        if isinstance(value, dict) or isinstance(english.get(key), dict):
            assert set(value) == {"one", "other"} == set(english[key]) or isinstance(
                english[key], str
            ), key


def test_every_message_of_the_code_is_translated() -> None:
    italian = yaml.safe_load((TRANSLATIONS / "it.yml").read_text(encoding="utf-8"))
    asked = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "from generator.wording import" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "say"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                asked.append(node.args[0].value)
    assert len(asked) > 150
    assert [t for t in asked if t not in italian and t != "{a}{b}"] == []


def test_plurals_and_durations() -> None:
    assert translate(Duration(3 * 3600), "it") == "3 ore"
    assert translate(Duration(3600 + 60), "it") == "1 ora e 1 minuto"
    assert translate(Duration(2 * 86400 + 8 * 3600 + 600), "it") == "2 giorni, 8 ore e 10 minuti"
    assert str(Duration(2 * 86400 + 8 * 3600 + 600)) == "2 d 8 h 10 min"
    assert translate(say("{n} error", n=1), "it") == "1 errore"
    assert translate(say("{n} error", n=3), "it") == "3 errori"
    assert say("{n} error", n=3) == "3 errors"
    # Another language, or an untranslated text, is English, as on the site.
    assert translate(say("{n} error", n=3), "de") == "3 errors"
    assert translate(say("not a key {x}", x=1), "it") == "not a key 1"
    nested = say(
        "answered after {waited}, past the {band} time of {limit}",
        waited=Duration(60),
        band=say("acceptable"),
        limit=Duration(30),
    )
    assert (
        translate(nested, "it")
        == "risposta dopo 1 minuto, oltre il tempo accettabile di 30 secondi"
    )


EXPLAINED = [
    "Il mio ordine è arrivato rotto, INACCETTABILE!!! Quando arriva il rimborso?",
    "Voglio parlare con un operatore",
    "Dov'è il mio pacco?",
    "Grazie mille, tutto perfetto!",
    "buongiorno",
]


@pytest.mark.parametrize("message", EXPLAINED)
def test_check_explain_speaks_italian(message: str, italian: Path) -> None:
    args = ["check", "-c", "whatsapp", "--guidelines", str(italian), "--explain"]
    result = CliRunner().invoke(main, [*args, "--in-reply-to", message, "-"], input="Buongiorno.")
    lines = [line for line in result.stderr.splitlines() if line.startswith("situazione: ")]
    assert len(lines) >= 2, result.stderr
    assert "punteggio del tono" in lines[0], lines
    leaks = {s: english_words(s, ids_of(italian)) for s in lines}
    assert not {s: w for s, w in leaks.items() if w}


BAD_RECORDS = [
    '{"conversation": "c1", "channel": "whatsapp", "role": "customer", "text": "Ciao"}',
    '{"conversation": "c1", "channel": "whatsapp", "time": "ieri", "role": "agent", "text": "A"}',
    '{"conversation": "c1", "channel": "whatsapp", "time": "2026-03-23T09:00:00",'
    ' "role": "agent", "text": "A"}',
    '{"conversation": "c2", "channel": "whatsap", "time": "2026-03-23T09:00:00Z",'
    ' "role": "agent", "text": "A"}',
    '{"conversation": "c2", "channel": "sms", "time": "2026-03-23T09:00:00Z",'
    ' "role": "agent", "text": "A"}',
    '{"conversation": "c3", "channel": "email", "time": "2026-03-23T09:00:00Z",'
    ' "role": "agente", "text": "A"}',
    '{"conversation": "c3", "channel": "email", "time": "2026-03-23T09:00:00Z",'
    ' "role": "agent", "text": "A", "situation": "reclamo"}',
    '{"conversation": "c3", "channel": "whatsapp", "time": "2026-03-23T09:00:00Z",'
    ' "role": "agent", "text": "A"}',
    '{"conversation": "c4", "channel": "email"',
    '["una lista"]',
]


def test_audit_tells_bad_records_in_italian(italian: Path, tmp_path: Path) -> None:
    log = tmp_path / "registro.jsonl"
    good = (
        '{"conversation": "c3", "channel": "email", "time": "2026-03-23T09:00:00Z",'
        ' "role": "customer", "text": "Ciao"}'
    )
    log.write_text("\n".join([good, *BAD_RECORDS]) + "\n", encoding="utf-8")
    table = tmp_path / "registro.csv"
    table.write_text("conversazione,canale,time,role,text\nc1,email,x,agent,Ciao\n")
    tweets = tmp_path / "tweet.csv"
    tweets.write_text("tweet_id,inbound,in_response_to_tweet_id,text\n,boh,,Ciao\n")
    for path, count in ((log, len(BAD_RECORDS)), (table, 1), (tweets, 1)):
        code, out = run("audit", str(path), "--guidelines", str(italian))
        lines = [line for line in out.splitlines() if line.startswith(str(path))]
        assert code == 2 and len(lines) == count, out
        assert all(": errore: " in line for line in lines), lines
        sentences = [line.split(": errore: ", 1)[1] for line in lines] + out.splitlines()[-1:]
        leaks = {s: english_words(s, ids_of(italian)) for s in sentences}
        assert not {s: w for s, w in leaks.items() if w}


def test_serve_says_where_in_italian(italian: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.site.builder

    folders: list[Path] = []
    # The server itself runs until stopped: the line before it is what is asked here.
    monkeypatch.setattr(generator.site.builder, "serve_site", lambda d, **_: folders.append(d))
    code, out = run("serve", str(italian), "-a", "127.0.0.1:8123")
    assert code == 0 and folders == [italian], out
    assert "sito in anteprima su http://127.0.0.1:8123/" in out, out
    assert not english_words(out)


def test_the_check_page_of_an_italian_site_shows_italian_findings(
    served,  # noqa: F811 - the fixture's name
    browser,  # noqa: F811
    italian: Path,
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from generator.checking import Checker

    playbook = validate(italian).playbook
    assert playbook is not None
    expected = Checker.from_playbook(playbook).check(DRAFTS[0], channel="whatsapp")
    browser.get(served("mkdocs", italian) + "check/")
    Select(browser.find_element(By.ID, "pb-channel")).select_by_value("whatsapp")
    browser.find_element(By.ID, "pb-draft").send_keys(DRAFTS[0])

    def shown(_: object) -> list[str]:
        return [
            li.find_element(By.CSS_SELECTOR, ".pb-check__message").text
            for li in browser.find_elements(By.CSS_SELECTOR, "li.pb-check__finding")
        ]

    WebDriverWait(browser, 20).until(lambda _: len(shown(_)) == len(expected))
    assert sorted(shown(None)) == sorted(translate(f.message, "it") for f in expected)
    leaks = {s: english_words(s, ids_of(italian)) for s in shown(None)}
    assert not {s: w for s, w in leaks.items() if w}


def test_explain_without_a_message_is_told_in_italian(italian: Path) -> None:
    code, out = run("check", "-c", "whatsapp", "--guidelines", str(italian), "--explain", "-")
    assert code == 2 and "--explain spiega --in-reply-to: indica il messaggio del cliente." in out


class _Keys(yaml.SafeLoader):
    """A loader that keeps the keys of every mapping in their order, repeats included."""


def _mapping_keys(loader: yaml.SafeLoader, node: yaml.MappingNode) -> list[object]:
    return [loader.construct_object(key) for key, _ in node.value]


_Keys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_keys)


@pytest.mark.parametrize("language", ["en", "it"])
def test_no_sentence_is_translated_twice(language: str) -> None:
    keys = yaml.load((TRANSLATIONS / f"{language}.yml").read_text(encoding="utf-8"), _Keys)
    assert sorted({k for k in keys if keys.count(k) > 1}, key=str) == []
