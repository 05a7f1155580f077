"""The core: what a journey workbook says and what follows from it, in plain Python.

The document (`document`), the workbook layout described once (`layout`), the schema
check, findings and their catalogue, the journey model (`model`), the checks (`checks/`),
the analysis (`analysis/`: quadrants and gap score, ranking, statistics, waves, progress,
comparison, portfolio) and the write-back plan (`writeback/`). It may import nothing of the
package outside `core/` but the plain helpers `xlplugin.text` and `xlplugin.errors`, and no
third-party package: no openpyxl, pptx, xlwings, UNO, argparse or printing. The import-graph
test (`tests/test_architecture.py`) holds it to that.
"""
