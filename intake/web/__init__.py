"""The web wing: the HR web console (``intake web``), pages served by Starlette and uvicorn.

It serves what hr reads over HTTP: sign-in, vacancies, candidates, decisions, downloads,
quarantine, enquiries and status. It may import hr, reprocess, poll and the wings below them;
never commands (``cli`` starts it). docs/web.md says what it does and how it is kept safe.
"""
