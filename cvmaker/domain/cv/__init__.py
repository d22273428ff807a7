"""The CV: its document model, limits, validation and edits."""
