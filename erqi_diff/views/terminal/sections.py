"""The terminal view of a :class:`erqi_diff.compare.lineage.Lineage`, and its CSV rows.

One block per topic (a chain), its newest heading first, then a line per
report::

    ● 7 （一）大力提振消费、提高投资效益，全方位扩大国内需求。  2013–2025, goes on
      2013  （一）加快转变经济发展方式，促进经济持续健康发展。
      2014  （三）增强内需拉动经济的主引擎作用。   split off 8 （六）…; split off 9 （九）…
      2015  四、协调推动经济稳定增长和结构优化   merged from 10 （四）…

A line says where the topic met another (``split from``, ``split off``,
``merged from``, ``merged into``, ``loosely paired with``/``from``: a pair
of the diff too weak to carry the chain on; ``folded into``/``drawn out
of``: a section with no partner whose topic is told in the text of the
other chain's section; with the other chain's number and section) and
``ends`` when
nothing in the next report goes on from it. Sections that stand alone in a
single report are listed at the end, by year.
"""

from __future__ import annotations

from rich.text import Text

from erqi_diff.compare.lineage import Chain, Event, EventKind, Lineage
from erqi_diff.views import format as fmt
from erqi_diff.views.terminal.wrap import print_hanging

HEAD_STYLE = "bold cyan"
DIM = "dim"
NOTE_STYLE = "yellow"
CSV_HEADER = ("chain", "title", "began", "ended", "goes_on", "year", "index", "heading", "role", "events", "regrouped")


def _label(heading: str) -> str:
    return heading if heading else "(untitled lead)"


def _headline(chain: Chain) -> Text:
    line = Text(f"● {chain.ident} ", style=DIM)
    line.append(_label(chain.title), style=HEAD_STYLE)
    span = f"{chain.began}" if chain.began == chain.ended else f"{chain.began}–{chain.ended}"
    line.append("  " + span + (", goes on" if chain.goes_on and chain.began != chain.ended else ""), style=DIM)
    return line


def _event(event: Event) -> str:
    return f"{event.kind.value} {event.chain} {_label(event.heading)}"


def chain_view(console, chain: Chain, last: int) -> None:
    """One chain: a line per report, with where it came from, split, merged and ended."""
    console.print()
    print_hanging(console, "", _headline(chain))
    for node in chain.nodes:
        text = Text(_label(node.heading))
        notes = [_event(e) for e in chain.events if e.year == node.year]
        notes += [_event(e) for e in chain.events if node is chain.nodes[-1] and e.year > node.year]
        if node is chain.nodes[-1] and node.year != last and not any(
                e.kind in (EventKind.MERGED_INTO, EventKind.LOOSELY_TO, EventKind.FOLDED_INTO) for e in chain.events):
            notes.append("ends")
        if notes:
            text.append("   " + "; ".join(notes), style=NOTE_STYLE)
        print_hanging(console, f"  {node.year}", text, style="bold")


def lineage_view(console, result: Lineage) -> None:
    last = result.years[-1] if result.years else 0
    long = [c for c in result.chains if len(c.nodes) > 1 or c.events]
    alone = result.alone()
    regrouped = result.regrouped_chains()
    through = sum(1 for c in long if c.began == result.years[0] and c.goes_on)
    splits = sum(1 for c in result.chains for e in c.events if e.kind is EventKind.SPLIT_FROM)
    merges = sum(1 for c in result.chains for e in c.events if e.kind is EventKind.MERGED_INTO)
    folded = sum(1 for c in long if any(e.kind in (EventKind.FOLDED_INTO, EventKind.DRAWN_FROM) for e in c.events))
    told = f", {fmt.count(folded)} folded into or drawn out of another section's text" if folded else ""
    summary = (f"Sections of {', '.join(map(str, result.years))}: {fmt.count(len(long))} topics across reports "
               f"({fmt.count(through)} through every report{told}), {fmt.count(splits)} splits, "
               f"{fmt.count(merges)} merges; {fmt.count(len(alone))} sections in one report only"
               + (f", {fmt.count(len(regrouped))} headings over sections paired with another report's"
                  if regrouped else "") + ".")
    print_hanging(console, "", Text(summary, style="bold"))
    for chain in long:
        chain_view(console, chain, last)
    if result.followups:
        console.print()
        print_hanging(console, "", Text("A year's plan, and the next report's review of that year:", style="bold"))
        for f in result.followups:
            told = f"{_label(result.heading(f.from_year, f.from_index))}  →  {f.to_year} " \
                   f"{_label(result.heading(f.to_year, f.to_index))}"
            print_hanging(console, f"  {f.from_year}", Text(told), style="bold")
    for chains, title in ((alone, "In one report only:"),
                          (regrouped, "Headings (no text of their own, or a line) over sections paired with "
                                      "another report's:")):
        if not chains:
            continue
        console.print()
        print_hanging(console, "", Text(title, style="bold"))
        for year in result.years:
            here = [_label(c.nodes[0].heading) for c in chains if c.began == year]
            if here:
                print_hanging(console, f"  {year}", Text("；".join(here)), style="bold")


def csv_rows(result: Lineage) -> list[tuple]:
    """One row per section of every chain (the header is :data:`CSV_HEADER`);
    ``regrouped`` marks a heading over sections paired with another report's
    (listed apart by the view, not a topic of one report only)."""
    over = {(n.year, n.index) for n in result.regrouped}
    follow: dict[tuple[int, int], list[str]] = {}
    for f in result.followups:  # a year's plan and the next report's review of that year
        follow.setdefault((f.from_year, f.from_index), []).append(
            f"reviewed in {f.to_year} {result.heading(f.to_year, f.to_index)}")
        follow.setdefault((f.to_year, f.to_index), []).append(
            f"reviews the plan of {f.from_year} {result.heading(f.from_year, f.from_index)}")
    rows = []
    for chain in result.chains:
        for node in chain.nodes:
            events = "; ".join([_event(e) for e in chain.events if e.year == node.year]
                               + follow.get((node.year, node.index), []))
            rows.append((chain.ident, chain.title, chain.began, chain.ended, chain.goes_on, node.year, node.index,
                         node.heading, node.role.value, events, (node.year, node.index) in over))
    return rows
