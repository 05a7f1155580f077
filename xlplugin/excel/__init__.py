"""Inside Excel desktop: the Journey ribbon tab (`addin` builds the .xlam) and the xlwings
surface its buttons run (`surface`). The add-in's VBA calls
``import xlplugin.excel as x; x.run("check")``, so `run` stays here. Only this package and
`xlplugin.lite` import xlwings, and only inside functions."""

from xlplugin.excel.surface import run

__all__ = ["run"]
