"""Subject lines of applications: the candidate's name and the vacancy they name (pure)."""

from parsers.subject.model import SubjectReading, VacancyTerms
from parsers.subject.reader import SubjectReader

__all__ = ["SubjectReader", "SubjectReading", "VacancyTerms"]
