"""What every page shares: the project and session, settings, the one background worker, the activity indicator, glyph grids, outline drawing, small widgets."""
