"""The shared words of the format: severities, days, channel kinds, bands, format version."""

from __future__ import annotations

#: The JSON Schema dialect of every published schema.
DRAFT = "https://json-schema.org/draft/2020-12/schema"

SEVERITIES = ("error", "warning", "suggestion")
#: How serious a severity is, for `--fail-on` and sorting: higher is worse.
SEVERITY_ORDER = {"suggestion": 0, "warning": 1, "error": 2}

LANGUAGES = ("de", "en", "es", "fr", "it", "nl", "pt")

CHANNEL_KINDS = (
    "public_social",
    "private_messaging",
    "live_chat",
    "video_chat",
    "email",
    "phone",
    "chatbot",
)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

#: Response-time metrics and the bands a wait falls in.
METRICS = ("first_response", "next_response")
BANDS = ("target", "acceptable", "unacceptable")

#: The exported rules file: its format name and version. Minor versions only add optional
#: fields; a major version may remove or change them.
FORMAT = "playbook-rules"
FORMAT_VERSION = "2.2.0"

#: What the site generates beside the CX lead's pages: a page in `pages/` may not take a name
#: of these, nor a folder's.
GENERATED_PAGES = (
    "index.md",
    "terms.md",
    "rules.md",
    "response-times.md",
    "integration.md",
    "changes.md",
    "check.md",
)
GENERATED_FILES = ("rules.json", "export.schema.json", "404.html", "sitemap.xml", "sitemap.xml.gz")
GENERATED_FOLDERS = ("channels", "situations", "kinds", "assets", "search")
