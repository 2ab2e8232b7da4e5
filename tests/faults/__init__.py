"""Fault-injection suite: kill -9, dead claims, full disks and hostile mail against real servers."""
