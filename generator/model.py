"""The validated catalogue as frozen dataclasses; no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

from .numbers import format_number  # noqa: F401 (its home is numbers.py; imported from here too)

GROUPS = ("core", "reference", "attitude")
GROUP_NAMES = {"core": "核心能力", "reference": "参考能力", "attitude": "态度"}
KIND_OF_GROUP = {"core": "能力", "reference": "能力", "attitude": "态度"}
# What a published position's KPI weights add up to (a different total is kept, and flagged).
WEIGHT_TOTAL = 100


@dataclass(frozen=True)
class ScaleLevel:
    label: str
    points: int


@dataclass(frozen=True)
class NamedScale:
    id: str
    name: str
    levels: tuple[ScaleLevel, ...]


@dataclass(frozen=True)
class Grade:
    name: str
    min: float
    # The company's distribution guidance: at most this percent of a team's appraisals in this
    # grade (None: no guidance). The calculator's team view warns when a team exceeds it.
    max_percent: float | None = None


@dataclass(frozen=True)
class Scoring:
    """How appraisals are scored: the company's settings of company.yaml."""

    points_min: int
    points_max: int
    scales: dict[str, NamedScale]
    ability_groups: dict[str, float]
    combination: dict[str, float]
    decimals: int
    grades: tuple[Grade, ...]


@dataclass(frozen=True)
class PublishedVersion:
    """An earlier published version of the catalogue and the git revision it came from."""

    version: str
    effective_date: str
    revision: str


@dataclass(frozen=True)
class Picture:
    """A picture of the company's (its logo, its favicon): the path in the catalogue folder,
    which is also its place under the site's assets/company/, and the file's bytes."""

    path: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Company:
    name: str
    document: str
    version: str
    effective_date: str
    goal_categories: tuple[str, ...]
    scoring: Scoring
    versions: tuple[PublishedVersion, ...] = ()
    logo: Picture | None = None
    favicon: Picture | None = None


@dataclass(frozen=True)
class Competency:
    """An ability (能力) or attitude (态度) of the shared vocabulary."""

    id: str
    name: str
    kind: str
    definition: str
    anchors: dict[int, str]
    seed: tuple[str, ...] = ()
    unclear: str | None = None


@dataclass(frozen=True)
class Goal:
    """A goal and its target; `items` are its sub-items (goals without items of their own)."""

    goal: str
    target: str
    seed: dict[str, str] = field(default_factory=dict)
    unclear: str | None = None
    items: tuple[Goal, ...] = ()


@dataclass(frozen=True)
class Slot:
    """A competency as a position lists it: the source's spelling in its slot (`seed`), and
    the slot's number where the slot before it is empty on the source's form (`slot`; without
    it the item is in the slot after the previous one's)."""

    id: str
    seed: str | None = None
    slot: int | None = None


@dataclass(frozen=True)
class Tier:
    """`actual <op> value` earns `points`; `value` is None where the source lost it."""

    op: str
    value: float | None
    points: int


@dataclass(frozen=True)
class TierScale:
    tiers: tuple[Tier, ...]
    unit: str = "%"
    otherwise: int | None = None


@dataclass(frozen=True)
class Kpi:
    name: str
    weight: float
    standard: str = ""
    method: str = ""
    scale: TierScale | NamedScale | None = None
    seed: dict[str, str] = field(default_factory=dict)
    unclear: str | None = None


@dataclass(frozen=True)
class Monthly:
    indicator: str
    target: str
    method: str
    seed: dict[str, str] = field(default_factory=dict)
    unclear: str | None = None


@dataclass(frozen=True)
class Position:
    id: str
    department_id: str
    title: str
    status: str
    source_file: str
    goals: dict[str, tuple[Goal, ...]]
    kpis: tuple[Kpi, ...]
    competencies: dict[str, tuple[str, ...]]
    monthly: Monthly | None = None
    source_line: int | None = None
    source_title: str | None = None
    title_inferred: str | None = None
    weights_total_note: str | None = None
    notes: tuple[str, ...] = ()
    # Per group, a Slot for each of `competencies` (same order): the source's spelling there.
    slots: dict[str, tuple[Slot, ...]] = field(default_factory=dict)

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def numbered_slots(self, group: str) -> list[tuple[int, Slot]]:
        """The group's competencies, each with its slot number on the source's form (from 1)."""
        slots = self.slots.get(group) or tuple(Slot(i) for i in self.competencies[group])
        out, number = [], 0
        for slot in slots:
            number = slot.slot or number + 1
            out.append((number, slot))
        return out

    @property
    def weight_total(self) -> float:
        return sum(k.weight for k in self.kpis)


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    positions: tuple[Position, ...]
    source_line: int | None = None
    source_title: str | None = None


@dataclass(frozen=True)
class Catalog:
    company: Company
    departments: tuple[Department, ...]
    competencies: tuple[Competency, ...]
    warnings: tuple = ()

    def positions(self) -> list[Position]:
        return [p for d in self.departments for p in d.positions]

    def competency(self, competency_id: str) -> Competency:
        return self._competencies_by_id()[competency_id]

    def competency_order(self) -> dict[str, int]:
        """Each competency's place in the glossary."""
        cache = self.__dict__.get("_order")
        if cache is None:
            cache = {c.id: i for i, c in enumerate(self.competencies)}
            object.__setattr__(self, "_order", cache)
        return cache

    def _competencies_by_id(self) -> dict[str, Competency]:
        cache = self.__dict__.get("_by_id")
        if cache is None:
            cache = {c.id: c for c in self.competencies}
            object.__setattr__(self, "_by_id", cache)
        return cache
