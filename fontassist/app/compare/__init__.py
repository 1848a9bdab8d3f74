"""The normalization A/B comparison (a tab of the Review page) and its data."""
