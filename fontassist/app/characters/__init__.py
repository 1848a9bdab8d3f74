"""Step 2, Characters: what to generate and what the model learns from."""
