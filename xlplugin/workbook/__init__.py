"""Reading and writing journey workbooks: the only place that knows openpyxl."""

from .reader import ReadResult, read_workbook
from .writer import build_workbook, write_workbook

__all__ = ["ReadResult", "build_workbook", "read_workbook", "write_workbook"]
