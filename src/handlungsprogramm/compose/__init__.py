"""What the document says, in both languages: values in words, decided once.

Nothing here imports docx, lxml or matplotlib: the Word writer, the template context,
the charts and the form filling all take their words from this package.
"""
