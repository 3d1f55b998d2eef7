"""MkDocs glue: the plugin, its options, theme fixes, Pagefind, and the safe publish path."""
