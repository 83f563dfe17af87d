"""The MkDocs plugin: a thin adapter that validates the guidelines and adds the site's pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.site.builder import (
    add_changes_page,
    add_files,
    configure,
    display,
    error_files,
    failure_message,
    published,
    site_files,
)
from generator.site.rendering import TEMPLATES, navigation
from generator.site.sanitising import sanitise
from generator.validation import validate

if TYPE_CHECKING:
    from generator.site.audit_pages import AuditSection

log = get_plugin_logger(__name__)


class PlaybookConfig(Config):  # type: ignore[no-untyped-call]  # an untyped MkDocs hook
    #: The guidelines folder, relative to mkdocs.yml.
    guidelines = c.Dir(exists=False, default="guidelines")
    #: A previous version (folder, rules.json or git revision): the site gets a page of changes.
    since = c.Optional(c.Type(str))
    #: The guidelines folder's address in a repository, e.g.
    #: https://github.com/acme/cx/blob/main/guidelines: the rules reference links each rule
    #: to the line that defines it.
    source_url = c.Type(str, default="")


class PlaybookPlugin(BasePlugin[PlaybookConfig]):  # type: ignore[no-untyped-call]
    """Generates the playbook's pages at build time; `mkdocs serve` rebuilds on every edit."""

    def __init__(self) -> None:
        self.serving = False
        self.files: dict[str, str] = {}
        self.cx_pages: set[str] = set()
        self.generated: set[str] = set()
        self.nav: list[dict[str, Any]] | None = None
        #: The Audit section, set by `build_site` for `playbook build --audit LOG`.
        self.audit: AuditSection | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps one plugin instance across serve's rebuilds.
        self.serving = command == "serve"

    # Before Material's search plugin, which reads the language in its own on_config.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        directory = display(Path(self.config.guidelines))
        config.watch.extend([str(Path(self.config.guidelines)), str(TEMPLATES)])
        result = validate(directory)
        for warning in result.warnings:
            log.warning(warning.text())
        if result.playbook is None:
            message = failure_message(str(directory), result)
            if not self.serving:
                raise PluginError(message)
            # Serve keeps running and shows the errors until a save fixes them.
            log.error(message)
            self.files, self.cx_pages, self.nav = error_files(message), set(), None
            self.generated = set(self.files)
            return config
        configure(config, result.playbook)
        self.files = site_files(result.playbook, self.config.source_url)
        self.cx_pages = {page.name for page in result.playbook.pages}
        self.nav = navigation(result.playbook)
        if self.config.since:
            add_changes_page(self.files, self.nav, result.playbook, self.config.since, directory)
        if self.audit is not None:
            from generator.site.audit_pages import add_audit

            add_audit(config, self.files, self.nav, self.audit)
        self.generated = set(self.files) - self.cx_pages
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files = published(files, config)
        add_files(files, config, self.files, self.cx_pages)
        if config.nav is None and self.nav is not None:
            config.nav = self.nav
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # A CX page's front matter would reach the theme's templates unescaped (title,
        # subtitle, icon...): its title comes from its first heading, through the navigation.
        if page.file.src_uri not in self.generated:
            page.meta = {}
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The CX lead's pages lose whatever HTML could run; generated pages are escaped."""
        return html if page.file.src_uri in self.generated else sanitise(html)
