"""From a checked programme to documents: view model, Markdown, Word."""
