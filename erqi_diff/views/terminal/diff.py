"""The terminal view of a :class:`erqi_diff.compare.diff.DiffResult` (rich).

Deletions are red and struck through, insertions green. Without colour (not
a terminal, or NO_COLOR) they are marked as ``git diff --word-diff`` does:
``[-deleted-]`` and ``{+inserted+}``. Unchanged text is folded to a little
context, counted in sentences: the sentence holding a change is always shown,
plus ``context`` sentences on each side (``--context N``); untouched
paragraphs fold into one line; ``full`` shows everything.

Block markers at the start of a paragraph: ``~`` changed, ``-`` removed,
``+`` added, ``>`` moved here, ``<`` moved away, ``=`` unchanged (``--full``).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence

from rich.text import Text

from erqi_diff.views import format as fmt
from erqi_diff.views.terminal.wrap import DIM, Wrapped, print_hanging, wrap_cells  # noqa: F401 - re-exported

from erqi_diff.compare.diff import DELETE, EQUAL, INSERT, Block, BlockKind, DiffResult, Op, SectionDiff, Status, split_sentences
from erqi_diff.compare.vocab import Basis, Relation

DEL_STYLE = "red strike"
INS_STYLE = "green"
HEAD_STYLE = "bold cyan"
MOVE_STYLE = "magenta"  # a paragraph that moved within its section
FOLD_STYLE = "bold yellow"  # a section folded into (or drawn out of) a paired section
FOLD = " ⋯ "
#: Narrowest column --side-by-side accepts.
MIN_COLUMN = 24
_MARK = {BlockKind.SAME: "=", BlockKind.CHANGED: "~", BlockKind.REMOVED: "-", BlockKind.ADDED: "+",
         BlockKind.MOVED_IN: ">", BlockKind.MOVED_OUT: "<"}


@dataclass(frozen=True)
class View:
    """How to show a result: the options of ``erqi-diff A B``."""

    context: int = 1
    full: bool = False
    side_by_side: bool = False
    stat: bool = False


def _plain(console) -> bool:
    return console.no_color or console.color_system is None


def _label(heading: str | None) -> str:
    return heading if heading else "(untitled lead)"


def _chars(n: int) -> str:
    return fmt.count(n)


# --- folding ---------------------------------------------------------------------


def fold(text: str, after_change: bool, before_change: bool, context: int) -> str:
    """Unchanged ``text`` cut down to the sentence touching a change on
    either side plus ``context`` sentences, the rest replaced by ⋯."""
    if not after_change and not before_change:
        return text
    sentences = split_sentences(text)
    keep = context + 1
    if len(sentences) <= (keep * 2 if after_change and before_change else keep):
        return text
    head = "".join(sentences[:keep]) if after_change else ""
    tail = "".join(sentences[-keep:]) if before_change else ""
    return head + FOLD + tail if head and tail else (head + FOLD.rstrip() if head else FOLD.lstrip() + tail)


def _strip_sep(ops: Sequence[Op]) -> list[Op]:
    """Ops of a block without the newline that separates it from the next
    (a paragraph holds no newline of its own)."""
    ops = [(op, t.replace("\n", "")) for op, t in ops]
    return [(op, t) for op, t in ops if t]


def ops_text(ops: Sequence[Op], plain: bool, view: View, sides: str = "-+") -> Text:
    """One paragraph's ops as styled text; ``sides`` "-" shows the older
    side only, "+" the newer, "-+" both (inline)."""
    out = Text()
    ops = _strip_sep(ops)
    for k, (op, text) in enumerate(ops):
        if op == EQUAL:
            if not view.full:
                text = fold(text, after_change=k > 0, before_change=k < len(ops) - 1, context=view.context)
            out.append(text)
        elif op == DELETE and "-" in sides:
            out.append(f"[-{text}-]" if plain else text, style=DEL_STYLE)
        elif op == INSERT and "+" in sides:
            out.append(f"{{+{text}+}}" if plain else text, style=INS_STYLE)
    return out


def _whole(ops: Sequence[Op], plain: bool) -> Text:
    """A paragraph removed or added whole."""
    text = "".join(t for _, t in _strip_sep(ops))
    deleted = ops[0][0] == DELETE
    if plain:
        return Text(f"[-{text}-]" if deleted else f"{{+{text}+}}")
    return Text(text, style=DEL_STYLE if deleted else INS_STYLE)


def _preview(ops: Sequence[Op], width: int = 24) -> str:
    text = "".join(t for _, t in _strip_sep(ops))
    return text if len(text) <= width else text[:width] + "…"


def block_text(block: Block, plain: bool, view: View) -> Text:
    """The inline rendering of one block (without its marker)."""
    line = Text()
    if block.kind is BlockKind.SAME:
        line.append("".join(t for _, t in _strip_sep(block.ops)))
    elif block.kind is BlockKind.CHANGED:
        line.append_text(ops_text(block.ops, plain, view))
    elif block.kind in (BlockKind.REMOVED, BlockKind.ADDED):
        line.append_text(_whole(block.ops, plain))
    elif block.kind is BlockKind.MOVED_OUT:
        line.append(f"paragraph {_nth(block.from_paragraph)} moved to paragraph {_nth(block.to_paragraph)} "
                    f"(similarity {block.similarity or 0:.2f}): {_preview(block.ops)}", style=MOVE_STYLE)
    else:
        line.append(f"moved here from paragraph {_nth(block.from_paragraph)} "
                    f"(similarity {block.similarity or 0:.2f}): ", style=MOVE_STYLE)
        line.append_text(ops_text(block.inner, plain, view))
    return line


def _nth(index: int | None) -> str:
    """A paragraph's place counted from 1, as a reader counts."""
    return "?" if index is None else str(index + 1)


def _folded(run: int, chars: int) -> Text:
    word = "paragraph" if run == 1 else "paragraphs"
    return Text(f"  ⋯ {run} unchanged {word} ({_chars(chars)} characters)", style=DIM)


def _runs(blocks: Sequence[Block], view: View):
    """Blocks, with runs of unchanged ones folded (unless --full): yields
    a Block or an (count, chars) tuple."""
    run: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.SAME and not view.full:
            run.append(block)
            continue
        if run:
            yield (len(run), _kept_chars(run))
            run = []
        yield block
    if run:
        yield (len(run), _kept_chars(run))


def _kept_chars(run: Sequence[Block]) -> int:
    """The characters of unchanged paragraphs, without the newlines between them."""
    return sum(len(t) for b in run for _, t in _strip_sep(b.ops))


# --- the parts of the view -----------------------------------------------------------


def header(console, result: DiffResult) -> None:
    a, b = result.from_meta, result.to_meta
    console.print(Text(f"erqi-diff {a.year} → {b.year}  (granularity: {result.granularity.value})",
                       style="bold"))
    for sign, meta, style in (("---", a, "red"), ("+++", b, "green")):
        console.print(Text(f"{sign} {meta.year}  {meta.date}  {meta.title}  "
                           f"{_chars(meta.chars)} characters, {meta.sections} sections", style=style))


def summary_line(result: DiffResult) -> Text:
    s = result.stats
    if result.identical:
        return Text(f"No differences: {s.matched} sections, the same text.", style="bold")
    paired = f"{s.matched} section{'s' if s.matched != 1 else ''} paired"
    detail = [f"{s.moved} moved", f"{s.unchanged} unchanged"]
    if s.splits:
        detail.append(f"{s.splits} split")
    if s.merges:
        detail.append(f"{s.merges} merged")
    parts = [f"{paired} ({', '.join(detail)})", f"{s.added} added", f"{s.removed} removed"]
    if s.folded:
        parts.append(f"{s.folded} folded into a paired section")
    if s.drawn:
        parts.append(f"{s.drawn} drawn out of a paired section")
    if s.regrouped:
        parts.append(f"{s.regrouped} heading{'s' if s.regrouped != 1 else ''} over paired sections")
    moved = f"{s.paragraphs_moved} paragraph{'s' if s.paragraphs_moved != 1 else ''} moved"
    share = (f"{s.changed_share:.1%} of the text marked changed ({_chars(s.chars_deleted)} characters deleted, "
             f"{_chars(s.chars_inserted)} inserted, {_chars(s.chars_equal)} kept)")
    return Text(", ".join(parts) + f"; {moved}; {share}.", style="bold")


def _record(record, column_year: int | None = None) -> str:
    """A figure of the strip as a reader says it (567亿元, +9%, about 5%, 773亿元 est.),
    with its figure year when it is not the column's and its period when it
    is not a full year (a half-year figure never passes for a full year)."""
    if record is None:
        return "—"
    if not isinstance(record, dict):
        return str(record)
    shown = fmt.figure(record.get("value"), record.get("unit"), record.get("modifier") or "point",
                       record.get("measure") or "level") or str(record.get("quote") or "?")
    shown = fmt.estimated(shown, record.get("kind"))
    notes = []
    if record.get("figure_year") != column_year or record.get("figure_span"):
        notes.append(fmt.year_label(record.get("figure_year"), int(record.get("report_year") or 0),
                                    record.get("figure_span")))
    period = record.get("period")
    if period and period != "year":
        notes.append(period)
    return f"{shown} [{'; '.join(notes)}]" if notes else shown


def _column_year(records: list) -> int | None:
    """The figure year most figures of one side describe (the column's label)."""
    years = [r.get("figure_year") for r in records if isinstance(r, dict) and r.get("figure_year")]
    return max(set(years), key=years.count) if years else None


STRIP_SLOGANS = 12  # slogans listed per line of the strip; `erqi-diff slogans` has them all


def _as(entry: dict) -> str:
    """ " as <form>" when a slogan stood then in another form (SloganChange.since_form / back_form),
    " within <slogan>" when only inside a longer one (the strip's ``within``)."""
    if entry.get("as"):
        return f" as {entry['as']}"
    return f" within {entry['within']}" if entry.get("within") else ""


def strip_view(console, result: DiffResult) -> None:
    """Slogans added, returned, retired, left out and changed (the changelog's words),
    and the metrics side by side (issue 4)."""
    strip = result.strip
    if not strip:
        return
    console.print()
    back = {r.get("slogan"): r for r in strip.get("slogans_back") or ()}
    listed = {"slogans_changed": [f"{c.get('from')} → {c.get('to')}" for c in strip.get("slogans_changed") or ()],
              "slogans_returned": [f"{r.get('slogan')} (last in {r.get('since')}{_as(r)})"
                                   for r in strip.get("slogans_returned") or ()],
              "slogans_back": [f"{s} (back in {r.get('back')}{_as(r)})" for s, r in back.items()]}
    retired = [s for s in strip.get("slogans_retired") or () if s not in back]
    for key, title, style in (("slogans_added", "Slogans added", INS_STYLE),
                              ("slogans_returned", "Slogans returned", INS_STYLE),
                              ("slogans_retired", "Slogans retired", "red"),
                              ("slogans_back", "Slogans left out, back later", DIM),
                              ("slogans_changed", "Slogans changed", "yellow")):
        items = listed[key] if key in listed else retired if key == "slogans_retired" else strip.get(key) or []
        if key in listed and not items:
            continue  # returned, left out and changed slogans are rare: no line saying "none"
        shown = "；".join(items[:STRIP_SLOGANS])  # slogans hold 、 themselves: ； keeps them apart
        if len(items) > STRIP_SLOGANS:
            shown += f"；… and {len(items) - STRIP_SLOGANS} more (erqi-diff slogans)"
        print_hanging(console, f"{title}:", Text(shown if items else "none", style=style if items else DIM),
                      style="bold")
    metrics = strip.get("metrics") or []
    if metrics:
        left = _column_year([r.get("from") for r in metrics])
        right = _column_year([r.get("to") for r in metrics])
        a, b = result.from_meta.year, result.to_meta.year
        rows = [("indicator", fmt.year_label(left, a) if left else str(a), fmt.year_label(right, b) if right else str(b),
                 "")]
        rows += [(str(r.get("indicator", "")), _record(r.get("from"), left), _record(r.get("to"), right),
                  "" if r.get("comparable") or not (r.get("from") and r.get("to")) else "not like for like")
                 for r in metrics]
        for k, line in enumerate(aligned_rows(rows, console.width)):
            console.print(Text(line, style="bold" if k == 0 else ""), soft_wrap=True)


def aligned_rows(rows: Sequence[tuple[str, ...]], width: int, gap: int = 2,
                 right: frozenset[int] = frozenset()) -> list[str]:
    """Rows as aligned columns (cells counted in terminal columns, a
    Chinese character 2; the columns in ``right`` aligned right, the others
    left), the widest column cut with … to fit ``width``."""
    from rich.cells import cell_len, set_cell_size

    widths = [max(cell_len(row[c]) for row in rows) for c in range(len(rows[0]))]
    while sum(widths) + gap * (len(widths) - 1) > width and max(widths) > 8:
        widths[widths.index(max(widths))] -= 1
    lines = []
    for row in rows:
        cells = []
        for k, (cell, size) in enumerate(zip(row, widths)):
            cell = cell if cell_len(cell) <= size else set_cell_size(cell, size - 1) + "…"
            cells.append(" " * (size - cell_len(cell)) + cell if k in right else set_cell_size(cell, size))
        lines.append((" " * gap).join(cells).rstrip())
    return lines


def section_title(s: SectionDiff) -> Text:
    if s.status is Status.ADDED:
        return Text(f"@@ added: {_label(s.to_heading)}", style="bold green")
    if s.status is Status.REMOVED:
        return Text(f"@@ removed: {_label(s.from_heading)}", style="bold red")
    if s.status is Status.FOLDED:
        return Text(f"@@ {_label(s.from_heading)} → {host_note(s)}", style=FOLD_STYLE)
    if s.status is Status.DRAWN or (s.status is Status.REGROUPED and not s.from_sections):
        return Text(f"@@ {host_note(s)} → {_label(s.to_heading)}", style=FOLD_STYLE)
    if s.status is Status.REGROUPED:
        return Text(f"@@ {_label(s.from_heading)} → {host_note(s)}", style=FOLD_STYLE)
    olders = " + ".join(_label(p.heading) for p in s.from_sections)
    same = s.from_heading == s.to_heading
    title = Text("@@ " + (_label(s.to_heading) if same else f"{olders} → {_label(s.to_heading)}"), style=HEAD_STYLE)
    notes = [_basis(s)]
    if s.relation is Relation.MERGE:
        notes.append(f"merged from {len(s.from_sections)} sections")
    elif s.relation is Relation.SPLIT:
        notes.append("split, also → " + ", ".join(_label(p.heading) for p in s.also_to))
    if s.moved:
        notes.append("moved")
    if not s.changed:
        notes.append("unchanged")
    title.append(f"  ({'; '.join(notes)})", style=DIM)
    return title


def host_note(s: SectionDiff) -> str:
    """Where the topic of a section without a partner is told in the other
    report: ``folded into 一、2023年工作回顾 (no section of its own)``."""
    host = _label(s.host.heading) if s.host is not None else "?"
    if s.status is Status.REGROUPED:
        return regrouped_note(s)
    if s.status is Status.FOLDED:
        return f"folded into {host} (no section of its own)"
    return f"drawn out of {host} (no section of its own there)"


def regrouped_note(s: SectionDiff) -> str:
    """Where the sections under a regrouped heading went (or came from):
    ``regrouped: 2 sections under it paired with sections in “进、干、暖、严” (no heading of its own there)``."""
    count = f"{fmt.part_of(len(s.held), s.below, 'section')} under it paired"
    where = f"in {_label(s.host.heading)}" if s.host is not None else "in several parts"
    return f"regrouped: {count} {'with' if s.from_sections else 'from'} sections {where} (no heading of its own there)"


def _basis(s: SectionDiff) -> str:
    """Why a unit's sections were paired, in a few words."""
    if s.paired_by is Basis.TEXT:
        return "same text"
    if s.paired_by is Basis.HEADING:
        return "same heading" if s.from_heading == s.to_heading else "heading reworded"
    if s.paired_by is Basis.OUTLINE:
        return "paired by the outline"
    if s.paired_by is Basis.FOLLOWUP:
        return f"the year's plan beside the next report's review of it, similarity {s.similarity or 0:.2f}"
    return f"similarity {s.similarity or 0:.2f}"


def _section_head(console, s: SectionDiff, view: View) -> bool:
    """Print a section's title (and "(no text)" when empty); whether its
    paragraphs are to be shown."""
    console.print()
    print_hanging(console, "", section_title(s))
    if not s.blocks:
        console.print(Text("  (no text)", style=DIM))
        return False
    return s.changed or view.full


def section_inline(console, s: SectionDiff, view: View) -> None:
    plain = _plain(console)
    if not _section_head(console, s, view):
        return
    for item in _runs(s.blocks, view):
        if isinstance(item, tuple):
            console.print(_folded(*item))
        else:
            print_hanging(console, _MARK[item.kind], block_text(item, plain, view))


def section_side_by_side(console, s: SectionDiff, view: View) -> None:
    from rich.table import Table

    plain = _plain(console)
    if not _section_head(console, s, view):
        return
    from rich.box import MINIMAL

    table = Table(box=MINIMAL, show_header=False, show_edge=False, expand=True, pad_edge=False,
                  padding=(0, 1), border_style=DIM, width=console.width)
    table.add_column(ratio=1, overflow="fold")
    table.add_column(ratio=1, overflow="fold")
    for item in _runs(s.blocks, view):
        if isinstance(item, tuple):
            folded = _folded(*item)
            table.add_row(Wrapped(folded), Wrapped(folded))
            continue
        table.add_row(*map(Wrapped, _sides(item, plain, view)))
    console.print(table)


def _sides(block: Block, plain: bool, view: View) -> tuple[Text, Text]:
    empty = Text("")
    if block.kind is BlockKind.SAME:
        text = "".join(t for _, t in _strip_sep(block.ops))
        return Text(text), Text(text)
    if block.kind is BlockKind.CHANGED:
        return ops_text(block.ops, plain, view, "-"), ops_text(block.ops, plain, view, "+")
    if block.kind is BlockKind.REMOVED:
        return _whole(block.ops, plain), empty
    if block.kind is BlockKind.ADDED:
        return empty, _whole(block.ops, plain)
    if block.kind is BlockKind.MOVED_OUT:
        return Text(f"< moved to paragraph {_nth(block.to_paragraph)}: {_preview(block.ops)}", style=MOVE_STYLE), empty
    note = Text(f"> from paragraph {_nth(block.from_paragraph)} ({block.similarity or 0:.2f}): ", style=MOVE_STYLE)
    return note, note.copy().append_text(ops_text(block.inner, plain, view, "+"))


def stat_view(console, result: DiffResult) -> None:
    """One line per unit: status, similarity, the older and newer headings,
    characters deleted and inserted (plain aligned columns: a table of
    thousands of rows prints at once)."""
    rows = [("status", "similarity", "older", "newer", "-", "+")]
    for s in result.sections:
        deleted = sum(len(t) - t.count("\n") for b in s.blocks for op, t in b.ops if op == DELETE)
        inserted = sum(len(t) - t.count("\n") for b in s.blocks for op, t in b.ops if op == INSERT)
        status = {Relation.SPLIT: "split", Relation.MERGE: "merged"}.get(s.relation, s.status.value)
        status += (" (moved)" if s.moved else "") + ("" if s.changed else " (same)")
        similarity = "" if s.similarity is None else f"{s.similarity:.2f}" if s.paired_by in (Basis.TOPIC, None) else (
            s.paired_by.value)
        older = " + ".join(_label(p.heading) for p in s.from_sections)
        newer = " + ".join(_label(p.heading) for p in s.to_sections)
        if s.status is Status.REGROUPED:  # where the sections under it went, on the other side
            held = f"(its sections in {_label(s.host.heading) if s.host is not None else 'several parts'})"
            older, newer = (older, held) if s.from_sections else (held, newer)
        elif s.host is not None:  # folded, drawn: the section holding the topic, on its side
            held = f"({'into' if s.status is Status.FOLDED else 'out of'} {_label(s.host.heading)})"
            older, newer = (older, held) if s.status is Status.FOLDED else (held, newer)
        rows.append((status, similarity, older, newer,
                     f"-{deleted}" if deleted else "", f"+{inserted}" if inserted else ""))
    for k, line in enumerate(aligned_rows(rows, console.width, right=frozenset((1, 4, 5)))):
        console.print(Text(line, style="bold" if k == 0 else ""), soft_wrap=True)


class _Buffered:
    """A console stand-in that collects lines of text and prints them in one
    call (rich's per-call overhead dominates a few hundred short prints);
    anything else (a table) is printed through after the lines so far."""

    def __init__(self, console) -> None:
        self.console = console
        # a console that does not wrap (a pipe) still lays -y out at its layout width
        self.width = getattr(console, "layout_width", None) or console.width
        self.soft_wrap = getattr(console, "soft_wrap", False)
        self.no_color = console.no_color
        self.color_system = console.color_system
        self.lines: list[Text] = []

    def print(self, renderable=None, soft_wrap: bool = False, **kwargs) -> None:
        if renderable is None:
            self.lines.append(Text())
        elif isinstance(renderable, Text):
            self.lines.extend([renderable] if soft_wrap or self.soft_wrap else renderable.wrap(self.console, self.width))
        else:
            self.flush()
            self.console.print(renderable, **kwargs)

    def flush(self) -> None:
        if self.lines:
            self.console.print(Text("\n").join(self.lines), soft_wrap=True)
            self.lines = []


def render(console, result: DiffResult, view: View = View()) -> None:
    """The whole terminal view: header, strip, summary, then the sections
    (or the per-section table with ``view.stat``)."""
    out = _Buffered(console)
    try:
        _render(out, result, view)
    finally:
        out.flush()


def _render(console, result: DiffResult, view: View) -> None:
    header(console, result)
    strip_view(console, result)
    console.print()
    console.print(summary_line(result))
    if result.identical and not view.full:
        return
    if view.stat:
        console.print()
        stat_view(console, result)
        return
    side = view.side_by_side
    if side and console.width < 2 * MIN_COLUMN + 3:
        console.print(Text(f"--side-by-side needs at least {2 * MIN_COLUMN + 3} columns and the terminal "
                           f"has {console.width}: showing the changes inline.", style="yellow"))
        side = False
    for s in result.sections:
        (section_side_by_side if side else section_inline)(console, s, view)
