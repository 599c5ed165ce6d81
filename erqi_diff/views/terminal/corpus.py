"""The terminal view of ``erqi-diff corpus report``."""

from __future__ import annotations

from erqi_diff.views import format as fmt


def _label(ref) -> str:
    return ref.id if ref.year is None or str(ref.year) in ref.id else f"{ref.id} ({ref.year})"


def render_report(console, r) -> None:
    """The terminal view of ``erqi-diff corpus report``."""
    from rich.table import Table
    from rich.text import Text

    c = r.counts
    console.print(Text(f"{fmt.count(c['docs'])} reports, {fmt.count(c['chars'] or 0)} characters, "
                       f"{fmt.count(c['pairs'])} candidate pairs, "
                       f"{fmt.count(c['passages'])} passages (k={r.params['k']}, w={r.params['w']}, "
                       f"maxdf={r.params['maxdf']}, minmatch={r.params['minmatch']}, "
                       f"minunique={r.params.get('minunique')}, min_chars={r.params['min_chars']})", style="bold"))
    bold = "bold"

    def table(title: str, columns: list[str], rows: list[list[str]], right: set[str]) -> None:
        console.print()
        console.print(Text(title, style="bold"))
        if not rows:
            console.print("  (none)")
            return
        t = Table(box=None, header_style=bold)
        for col in columns:
            t.add_column(col, justify="right" if col in right else "left",
                         overflow="ellipsis" if col == "text" else "fold", no_wrap=col == "text",
                         ratio=1 if col == "text" else None)
        for row in rows:
            t.add_row(*row)
        console.print(t)

    table("Most-reused sources", ["report", "copied by", "passages", "chars"],
          [[_label(s), str(s.copiers), str(s.passages), fmt.count(s.chars)] for s in r.sources],
          {"copied by", "passages", "chars"})
    table("Most-copying reports (share written before)", ["report", "share", "chars", "sources"],
          [[_label(x), fmt.share(x.share), fmt.count(x.chars), str(x.sources)] for x in r.copiers],
          {"share", "chars", "sources"})
    table("Longest passages", ["chars", "sim", "a", "b", "text"],
          [[str(p.chars), f"{p.similarity:.2f}", f"{_label(p.a)} {p.a.start}-{p.a.end}",
            f"{_label(p.b)} {p.b.start}-{p.b.end}", _clip(p.a.text)] for p in r.longest],
          {"chars", "sim"})
    table("Widely shared formulas", ["docs", "text", "e.g."],
          [[str(f.docs), _clip(f.text), _label(f.example)] for f in r.formulas], {"docs"})


def _clip(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
