"""``erqi-diff browse``: a full-screen terminal UI over a series' results
(Textual, the ``tui`` extra). Imported only by ``erqi-diff browse``."""
