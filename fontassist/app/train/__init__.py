"""Step 3, Train: the settings form, the run's live charts and preview, continuing a run, the training engine."""
