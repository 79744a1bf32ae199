"""``python -m quoteattr.evaluate``: see :mod:`quoteattr.evaluate`."""

from .cli import main

raise SystemExit(main())
