"""Messages and labels in the languages users read them in."""
