"""One stored application as HR reads it: headers, detail as data, terminal layout."""
