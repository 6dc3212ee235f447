"""Checks across content files: every id a file names must exist, and agree both ways."""

from __future__ import annotations

from pathlib import Path

from desktop_app.content.fields import FieldReader
from desktop_app.content.model import Option, Site, Source
from desktop_app.content.problems import shown

CitedSource = tuple[str, FieldReader, tuple[str | int, ...]]


class LinkChecker:
    """Reports broken links between files at the field that names them.

    `broken_ids` are files that exist but could not be read: they were reported once
    already and are not reported again as unknown.
    """

    def __init__(self, readers: dict[Path, FieldReader], broken_ids: set[str]) -> None:
        self._readers = readers
        self._broken_ids = broken_ids

    def check_sources(self, cited: list[CitedSource], sources: dict[str, Source]) -> None:
        """Every cited source id is listed in sources.yaml."""
        known = ", ".join(sorted(sources)) or "(none listed)"
        for source_id, reader, path in cited:
            if source_id not in sources:
                reader.report(
                    path,
                    f'unknown source id "{shown(source_id)}". Add it to sources.yaml or use '
                    f"one of: {known}.",
                )

    def check_sites_and_options(self, sites: list[Site], options: dict[str, Option]) -> None:
        """Sites list existing options once, and options and sites list each other."""
        by_id = {site.id: site for site in sites}
        for site in sites:
            reader = self._readers[site.path]
            listed: set[str] = set()
            for index, option_id in enumerate(site.option_ids):
                if option_id in listed:
                    reader.report(
                        ("options", index), f'option "{option_id}" is listed twice. Remove one.'
                    )
                listed.add(option_id)
                if option_id in self._broken_ids:
                    continue
                if option_id not in options:
                    reader.report(
                        ("options", index),
                        f'unknown option id "{shown(option_id)}". Create '
                        f"options/{shown(option_id)}.md or remove it from this list.",
                    )
                elif site.id not in options[option_id].site_ids:
                    reader.report(
                        ("options", index),
                        f'option "{option_id}" does not list site "{site.id}" in its sites. '
                        "Add the site there, or remove the option here.",
                    )
        for option in options.values():
            reader = self._readers[option.path]
            for index, site_id in enumerate(option.site_ids):
                if site_id in self._broken_ids:
                    continue
                if site_id not in by_id:
                    reader.report(
                        ("sites", index),
                        f'unknown site id "{shown(site_id)}". Use one of: '
                        f"{', '.join(sorted(by_id))}.",
                    )
                elif option.id not in by_id[site_id].option_ids:
                    reader.report(
                        ("sites", index),
                        f'site "{site_id}" does not list this option. Add "{option.id}" to the '
                        f"options of sites/{site_id}.md, or remove the site here.",
                    )
