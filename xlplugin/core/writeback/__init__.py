"""What the tool writes back into a workbook, decided once for every host: the plan of marks,
notes and the Findings and Priorities sheets (`plan`, `sheets`), carried out by a `Surface`
(the file in `xlplugin.workbook.surface`, the open workbook in `xlplugin.excel`,
`xlplugin.lite`, `xlplugin.calc`). Imports only `core/` and the plain helpers."""
