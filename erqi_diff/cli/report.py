"""``erqi-diff report FROM TO -o report.html``: one self-contained HTML page."""

from __future__ import annotations

import click

from erqi_diff.cli.common import get_project, root_option, span_years


@click.command()
@click.argument("from_year", metavar="FROM")
@click.argument("to_year", metavar="TO", required=False)
@click.option("-o", "--output", "path", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (atomically: an old file stays whole until the new one is complete).")
@root_option
def report(from_year: str, to_year: str | None, path: str) -> None:
    """Write one HTML page on the reports from FROM to TO (two years, or one
    span: 2016 2021, 2016..2021).

    The page opens offline (styles, scripts, charts and data are all inside
    it): an overview, the slogan timeline, metrics as small charts, goals and
    how far they were met, any two years side by side, and the reuse audit.
    The span must hold at least two reports.
    """
    from erqi_diff.core.fsutil import atomic_write_text
    from erqi_diff.summarize.report import build_report
    from erqi_diff.views.html.render import render_report

    first, last = span_years(from_year, to_year)
    data = build_report(get_project(), first, last)
    page = render_report(data)
    atomic_write_text(path, page)
    size = len(page.encode("utf-8"))
    click.echo(f"{path}: {len(data.years)} reports ({data.years[0]}-{data.years[-1]}), {size / 1024:.0f} KB")
