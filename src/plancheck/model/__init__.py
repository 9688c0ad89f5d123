"""The typed plan model: every rule reads these classes, never raw YAML."""

from plancheck.model._base import ID_PATTERN, Entity, Node, RevisionNote
from plancheck.model.agency import Agency, AgencyKind
from plancheck.model.box import Box, BoxItem, BoxKind
from plancheck.model.claim import Claim, ClaimKind
from plancheck.model.declarations import DeclaredCount, Identity, Term, Total
from plancheck.model.evaluation import (
    Assessment,
    Evaluation,
    EvaluationKind,
    EvaluationResult,
    Tally,
)
from plancheck.model.indicator import (
    Direction,
    Indicator,
    IndicatorType,
    IndicatorValue,
    PathKind,
)
from plancheck.model.links import AlignmentLink, Citation, Relation
from plancheck.model.location import SourceRef
from plancheck.model.numbering import NumberStyle, SectionNumber, parse_section_number
from plancheck.model.period import YearRange
from plancheck.model.plan import (
    FORMAT_VERSION,
    IssuedDate,
    Jurisdiction,
    Level,
    Plan,
    SourceDocument,
)
from plancheck.model.project import Implementer, Project
from plancheck.model.revision import Revision
from plancheck.model.section import Section

__all__ = [
    "FORMAT_VERSION",
    "ID_PATTERN",
    "Agency",
    "AgencyKind",
    "AlignmentLink",
    "Assessment",
    "Box",
    "BoxItem",
    "BoxKind",
    "Citation",
    "Claim",
    "ClaimKind",
    "DeclaredCount",
    "Direction",
    "Entity",
    "Evaluation",
    "EvaluationKind",
    "EvaluationResult",
    "Identity",
    "Implementer",
    "Indicator",
    "IndicatorType",
    "IndicatorValue",
    "IssuedDate",
    "Jurisdiction",
    "Level",
    "Node",
    "NumberStyle",
    "PathKind",
    "Plan",
    "Project",
    "Relation",
    "Revision",
    "RevisionNote",
    "Section",
    "SectionNumber",
    "SourceDocument",
    "SourceRef",
    "Tally",
    "Term",
    "Total",
    "YearRange",
    "parse_section_number",
]
