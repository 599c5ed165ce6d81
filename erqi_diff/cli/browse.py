"""``erqi-diff browse``: a full-screen view of the series (:mod:`erqi_diff.views.tui`)."""

from __future__ import annotations

import sys

import click

from erqi_diff.cli.common import get_project, root_option


def _terminal() -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


@click.command()
@root_option
def browse() -> None:
    """Browse the series in a full-screen terminal view: slogans, targets and
    metrics, sections and their diffs, search. Needs a terminal and the
    'tui' extra (pip install 'erqi-diff[tui]').

    \b
    Panes (keys 1-5): slogans timeline with each slogan's occurrences and
    lineage; targets and metrics by figure year with a chart and the
    sentences behind it; each topic's sections across the years, a link's
    diff on enter; the diff of the two years picked on the years bar (y);
    search (/). v: diffs inline or side by side; ?: the keys; q: quit.

    \b
    erqi-diff browse
    erqi-diff browse --root ~/reports/erqi
    """
    import textual  # noqa: F401  (without the extra: the message of EXTRAS, exit 2)

    from erqi_diff.errors import UsageError

    if not _terminal():
        raise UsageError("browse needs a terminal: its input or output is not one (a pipe or a file). "
                         "Run it in a terminal; for printable results use `erqi-diff slogans`, `targets`, "
                         "`sections` or `erqi-diff FROM TO`")
    from erqi_diff.core import snapshot as store
    from erqi_diff.extract.lexicon import load as load_lexicon
    from erqi_diff.views.tui.app import BrowseApp
    from erqi_diff.views.tui.data import SeriesData

    project = get_project()
    snaps = store.load_many(project)
    data = SeriesData(project.root, snaps, load_lexicon(project.root))
    BrowseApp(data).run()
