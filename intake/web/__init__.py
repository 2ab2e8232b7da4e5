"""The web wing: the HR web console (not written yet).

It will serve what hr reads over HTTP. It may import hr, reprocess, poll and the wings
below them; never commands.
"""
