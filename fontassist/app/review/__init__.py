"""Step 4, Review: the generated glyphs, decisions and undo, the grid, the detail view and the glyph window."""
