"""Step 1, Fonts: choosing the source and target fonts, installed fonts, samples."""
