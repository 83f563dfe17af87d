"""`playbook init`: the files of a new playbook that validates and builds as it is written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

#: The languages a new playbook can be written in.
STARTER_LANGUAGES = ("en", "it")


@dataclass(frozen=True)
class StarterChannel:
    id: str
    kind: str
    public: bool
    formality: str
    emoji: str
    limits: dict[str, int]
    #: First-response bands: target, acceptable, unacceptable.
    times: dict[str, str]
    names: dict[str, str]


def _times(target: str, acceptable: str, unacceptable: str) -> dict[str, str]:
    return {"target": target, "acceptable": acceptable, "unacceptable": unacceptable}


#: The channels `playbook init --channels` knows, with targets usual for each kind; public
#: channels answer no slower than private messages, as everyone sees their complaints.
CHANNELS = {
    c.id: c
    for c in (
        StarterChannel(
            "email",
            "email",
            False,
            "formal",
            "none",
            {"words": 250},
            _times("4h", "8h", "1d"),
            {"en": "Email", "it": "Email"},
        ),
        StarterChannel(
            "live-chat",
            "live_chat",
            False,
            "neutral",
            "sparingly",
            {"characters": 600},
            _times("1m", "3m", "10m"),
            {"en": "Live chat", "it": "Chat dal vivo"},
        ),
        StarterChannel(
            "whatsapp",
            "private_messaging",
            False,
            "neutral",
            "sparingly",
            {"characters": 500},
            _times("30m", "2h", "1d"),
            {"en": "WhatsApp", "it": "WhatsApp"},
        ),
        StarterChannel(
            "facebook",
            "public_social",
            True,
            "neutral",
            "sparingly",
            {"characters": 500},
            _times("30m", "4h", "1d"),
            {"en": "Facebook", "it": "Facebook"},
        ),
        StarterChannel(
            "instagram",
            "public_social",
            True,
            "neutral",
            "sparingly",
            {"characters": 500},
            _times("30m", "4h", "1d"),
            {"en": "Instagram", "it": "Instagram"},
        ),
        StarterChannel(
            "x",
            "public_social",
            True,
            "neutral",
            "sparingly",
            {"characters": 280},
            _times("30m", "4h", "1d"),
            {"en": "X", "it": "X"},
        ),
        StarterChannel(
            "phone",
            "phone",
            False,
            "neutral",
            "none",
            {"sentences": 8},
            _times("1m", "3m", "10m"),
            {"en": "Phone", "it": "Telefono"},
        ),
        StarterChannel(
            "chatbot",
            "chatbot",
            False,
            "neutral",
            "none",
            {"characters": 400},
            _times("10s", "30s", "1m"),
            {"en": "Chatbot", "it": "Chatbot"},
        ),
    )
}
DEFAULT_CHANNELS = ("email", "live-chat", "whatsapp")


def starter_files(
    company: str, language: str, channels: tuple[str, ...] = DEFAULT_CHANNELS
) -> dict[str, str]:
    """Every file of a new playbook, by path relative to its folder, as its text.

    Raises ValueError for a language or a channel it does not know.
    """
    import jinja2
    import yaml

    from generator.schemas import dumps
    from generator.schemas.guidelines import channel_schema, playbook_schema

    if language not in STARTER_LANGUAGES:
        raise ValueError(
            f"no starter playbook in '{language}': choose {', '.join(STARTER_LANGUAGES)}."
        )
    unknown = [c for c in channels if c not in CHANNELS]
    if unknown:
        raise ValueError(f"unknown channel '{unknown[0]}': choose from {', '.join(CHANNELS)}.")
    here = files(__name__)
    words = yaml.safe_load((here / f"{language}.yml").read_text(encoding="utf-8"))
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(here / "templates")),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # YAML, not HTML: every value goes through the q filter
    )
    # A JSON string or list is a valid YAML flow scalar or sequence, whatever it holds.
    environment.filters["q"] = lambda value: json.dumps(value, ensure_ascii=False)
    chosen = [_channel_context(CHANNELS[c], language) for c in dict.fromkeys(channels)]
    context: dict[str, Any] = {
        "company": company,
        "language": language,
        "words": words,
        "channels": chosen,
    }
    out = {
        "guidelines/playbook.yml": environment.get_template("playbook.yml.j2").render(context),
        "guidelines/pages/editing.md": environment.get_template("page.md.j2").render(context),
        "rules/playbook.schema.json": dumps(playbook_schema()),
        "rules/channel.schema.json": dumps(channel_schema()),
        "mkdocs.yml": (here / "templates" / "mkdocs.yml").read_text(encoding="utf-8"),
        ".pre-commit-config.yaml": (here / "templates" / "pre-commit-config.yaml").read_text(
            encoding="utf-8"
        ),
        ".github/workflows/playbook.yml": (here / "templates" / "workflow.yml").read_text(
            encoding="utf-8"
        ),
    }
    template = environment.get_template("channel.yml.j2")
    for channel in chosen:
        out[f"guidelines/channels/{channel['id']}.yml"] = template.render(context, channel=channel)
    return out


def _channel_context(channel: StarterChannel, language: str) -> dict[str, Any]:
    return {
        "id": channel.id,
        "name": channel.names[language],
        "kind": channel.kind,
        "public": "true" if channel.public else "false",
        "formality": channel.formality,
        "emoji": channel.emoji,
        "limits": channel.limits,
        "times": channel.times,
    }


def write_starter(folder: Path, texts: dict[str, str]) -> list[Path]:
    """Write the files into `folder`; raise FileExistsError, writing nothing, if one exists."""
    from generator.writing import write_atomic

    existing = [folder / name for name in texts if (folder / name).exists()]
    if existing:
        raise FileExistsError(", ".join(str(p) for p in existing))
    written = []
    for name, text in texts.items():
        write_atomic(folder / name, text)
        written.append(folder / name)
    return written
