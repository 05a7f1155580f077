"""xlplugin: customer journey maps and service blueprints kept in Excel.

Importing the package is cheap; each job imports what it needs when it runs.
"""

from __future__ import annotations

__version__ = "0.1.0"
