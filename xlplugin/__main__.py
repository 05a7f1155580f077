import sys

from xlplugin.cli.commands import main

sys.exit(main())
