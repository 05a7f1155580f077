"""What the journey's numbers mean: quadrants and the gap score (`quadrants`), the ranking
(`ranking`), survey statistics (`stats`, `survey_stats`), waves (`trend`), progress against
targets and actions (`progress`), as-is against to-be (`compare`) and many journeys side by
side (`portfolio`). Imports only `core/` and the plain helpers; returns data, never text for
a terminal (the command line renders it, in `xlplugin.cli`)."""
