"""The Textual review app (``transqa review``). Only this package and the CLI import Textual.

Entry point: :func:`transqa.ui.app.create_app`. Layout: ``app.py`` (app + factory),
``session.py`` (the project under review, no Textual), ``screens/`` (overview, review, dialogs),
``widgets/`` (segment view on the Line API, panels), ``styles/`` (.tcss), ``layout.py`` (rows of a
bead, pure), ``bidi.py`` (display-only RTL reordering), ``cellwidth.py`` (terminal widths),
``keymap.py`` (bindings with ids).
"""
