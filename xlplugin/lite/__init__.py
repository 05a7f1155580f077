"""Excel on the web through xlwings Lite: the surface its task-pane buttons run
(`surface`) and the files pasted into its editor and the wheel it installs (`package`).
The `main.py` users paste calls ``from xlplugin import lite; await lite.run(...)``, so
`run` stays here."""

from xlplugin.lite.surface import run

__all__ = ["run"]
