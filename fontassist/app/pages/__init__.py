"""The pages of the main window, one per workflow step."""
