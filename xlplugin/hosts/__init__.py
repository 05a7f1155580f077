"""What every spreadsheet program that hosts the buttons shares: the actions behind Check,
Priorities, Deck and New template (`buttons`), written once so Excel (`xlplugin.excel`),
xlwings Lite (`xlplugin.lite`) and LibreOffice Calc (`xlplugin.calc`) stay thin surfaces.
May import `api`, `core/`, `workbook/`, `files/` and the plain helpers; never a program's
own library (xlwings, UNO), which only its host package knows."""
