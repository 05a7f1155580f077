"""The command line: every word the tool prints lives here. `parser` (argparse, 'did you
mean'), `commands` (one handler per command), `gaps_text` (the gaps table and CSV), `many`
(several workbooks at once), `progress_text`, `portfolio_text`, `compare_text`, `bar` (the
progress bar). It may import anything in the package; nothing imports it but
`xlplugin.__main__` and the console script (`xlplugin = xlplugin.cli:main`)."""

from xlplugin.cli.commands import main

__all__ = ["main"]
