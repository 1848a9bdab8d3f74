"""Step 5, Export: writing the font or glyph files, and the text preview."""
