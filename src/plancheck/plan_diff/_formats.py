"""The diff's output formats, apart from their writers so that the command line can
offer them without importing the renderer."""

DIFF_FORMATS = ("text", "json", "markdown")
FORMAT_VERSION = 1
