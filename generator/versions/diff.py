"""What changed between two versions of the catalogue, in plain Chinese; no MkDocs, no CLI."""

from __future__ import annotations

import functools
import os
import posixpath
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from ..catalog import LARGEST_FILE_BYTES, display_path, load_catalog
from ..errors import CatalogError, Problem, one_line
from ..escape import markdown_inline as escape_markdown
from ..escape import plain_text
from ..model import (
    GROUP_NAMES,
    GROUPS,
    Catalog,
    Company,
    Competency,
    Goal,
    Kpi,
    NamedScale,
    Position,
    TierScale,
    format_number,
)

DEFAULT_FOLDER = "catalog"
STATUS_NAMES = {"draft": "待补充", "published": "已发布"}
COMBINATION_NAMES = {"kpi": "KPI", "ability": "能力"}

T = TypeVar("T")


# ---------------------------------------------------------------------------- the diff

@dataclass(frozen=True)
class Change:
    """One change. `template` is code: a constant with one `{}` per value; `values` are the
    catalogue's own texts, never parsed (no format specs, fields or markup in them count)."""

    kind: str
    template: str
    values: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.template.count("{}") != len(self.values) or "{" in self.template.replace(
                "{}", ""):
            raise ValueError(f"change template {self.template!r} needs exactly "
                             f"{len(self.values)} '{{}}' placeholders and no other braces")

    def _fill(self, values: Iterable[str]) -> str:
        parts = self.template.split("{}")
        out = [parts[0]]
        for value, part in zip(values, parts[1:]):
            out += [value, part]
        return "".join(out)

    @property
    def text(self) -> str:
        """The change as one line of plain text."""
        return self._fill(plain_text(v) for v in self.values)

    @property
    def markdown(self) -> str:
        """The change as one line of inline Markdown, catalogue text escaped."""
        return self._fill(escape_markdown(v) for v in self.values)


@dataclass(frozen=True)
class PositionDiff:
    """A position that was added, removed or changed; `old`/`new` is None when absent."""

    id: str
    title: str              # the new title (the old one if removed)
    department_id: str      # where it is now (where it was, if removed)
    status: str             # "added" | "removed" | "changed"
    changes: tuple[Change, ...]
    old: Position | None = field(default=None, repr=False, compare=False)
    new: Position | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class DepartmentDiff:
    """A department with changes of its own or changed positions (only those are listed)."""

    id: str
    name: str               # the new name (the old one if removed)
    status: str             # "added" | "removed" | "changed"
    changes: tuple[Change, ...]
    positions: tuple[PositionDiff, ...]


@dataclass(frozen=True)
class CatalogDiff:
    """Everything that changed from `old` to `new`, in the new catalogue's order."""

    company: tuple[Change, ...]
    vocabulary: tuple[Change, ...]
    departments: tuple[DepartmentDiff, ...]
    old: Catalog = field(repr=False, compare=False)
    new: Catalog = field(repr=False, compare=False)

    @property
    def is_empty(self) -> bool:
        return not (self.company or self.vocabulary or self.departments)

    def positions(self) -> list[PositionDiff]:
        return [p for d in self.departments for p in d.positions]

    def position(self, position_id: str) -> PositionDiff | None:
        return next((p for p in self.positions() if p.id == position_id), None)


def position_changes(diff: CatalogDiff, position_id: str) -> list[str]:
    """The plain-text change lines of one position; empty if it did not change."""
    found = diff.position(position_id)
    return [c.text for c in found.changes] if found else []


# ---------------------------------------------------------------------------- loading a side

class SideError(Exception):
    """A side of the comparison cannot be loaded; str() is a one-line message naming it.

    `problems` holds every error of a side whose catalogue does not load, files named as the
    side names them (e.g. `HEAD~1:catalog/departments/sales/sales-manager.yaml`).
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()):
        super().__init__(one_line(message))
        self.problems = tuple(problems)


def load_side(spec: str, cwd: Path | None = None) -> Catalog:
    """A catalogue folder, or `REV` / `REV:path` of the git repository at `cwd` (default: the
    working directory).

    An existing folder wins over a revision of the same name. Without `:path` a revision's
    catalogue is its `catalog` folder; `path` is read as git reads `REV:path`.
    """
    base = Path(cwd) if cwd is not None else Path(".")
    if (base / spec).is_dir():
        return _load_folder(spec, base / spec, None)
    is_file = (base / spec).exists()

    def not_a_side(why: str) -> SideError:
        return SideError(f"{spec}: a file, not a catalogue folder (nor a git revision)"
                         if is_file else f"{spec}: {why}")

    git = functools.partial(_git, cwd=cwd)
    revision, colon, folder = spec.partition(":")
    folder = folder if colon else DEFAULT_FOLDER
    if not revision or revision.startswith("-") or not folder:
        raise not_a_side("not a folder, nor a git revision")
    if shutil.which("git") is None:
        raise not_a_side("not a folder, and git is not installed to read it as a revision")
    top = git("rev-parse", "--show-toplevel")
    if top is None:
        raise not_a_side("not a folder, and the working directory is not in a git repository")
    top_folder = Path(top.decode().strip())
    if git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}") is None:
        raise not_a_side("not a folder, nor a git revision")
    found = git("rev-parse", "--verify", "--quiet", f"{revision}:{folder}")
    tree = found.decode().strip() if found else ""
    if not tree or (git("cat-file", "-t", tree) or b"").strip() != b"tree":
        raise SideError(f"{spec}: revision {revision} has no folder '{folder}' (name the "
                        f"catalogue's folder as {revision}:path/to/catalog)")
    with tempfile.TemporaryDirectory(prefix="catalog-diff-") as tmp:
        # A tree's archive holds the catalogue's files at its root, wherever `folder` is; it
        # goes to a file, so a large revision is not held in memory.
        archive = Path(tmp, "side.tar")
        if git("-C", str(top_folder), "archive", "--format=tar", "-o", str(archive),
               tree) is None:
            raise SideError(f"{spec}: git could not read '{folder}' of revision {revision}")
        side = Path(tmp, "side")
        shown_as = f"{revision}:{folder.rstrip('/')}"
        problem = _extract(archive, side, shown_as)
        if problem:
            raise SideError(f"{spec}: {problem}; the revision was not read")
        return _load_folder(spec, side, shown_as)


def _extract(archive: Path, target: Path, shown_as: str) -> str | None:
    """Extract a git archive of `shown_as` into `target`; what makes it unsafe to (nothing is
    extracted then), or None. A file too large for the catalogue becomes an empty file of its
    size (sparse: no disk used), for the loader to refuse as it refuses one in a folder."""
    try:
        with tarfile.open(archive) as tar:
            members = tar.getmembers()
            for member in members:
                problem = _unsafe_member(member)
                if problem:
                    return f"{shown_as}/{member.name} {problem}"
            small = [m for m in members if not (m.isfile() and m.size > LARGEST_FILE_BYTES)]
            if hasattr(tarfile, "data_filter"):
                tar.extractall(target, members=small, filter="data")
            else:  # Python without extraction filters: the checks above stand alone
                tar.extractall(target, members=small)
            for member in members:
                if member.isfile() and member.size > LARGEST_FILE_BYTES:
                    with open(target / member.name, "wb") as placeholder:
                        placeholder.truncate(member.size)
    except (tarfile.TarError, OSError) as exc:
        return f"git's archive of {shown_as} cannot be extracted ({exc})"
    return None


def _unsafe_member(member: tarfile.TarInfo) -> str | None:
    """Why an archive member must not be extracted, or None."""
    name = member.name
    if posixpath.isabs(name) or ".." in name.split("/"):
        return "is a path that leaves the catalogue folder"
    if member.issym():
        target = member.linkname
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
        if posixpath.isabs(target) or resolved == ".." or resolved.startswith("../"):
            return "is a link to a place outside the catalogue folder"
        return None
    if not (member.isfile() or member.isdir()):
        return "is neither a file, a folder nor a link"
    return None


def _load_folder(spec: str, folder: Path, shown_as: str | None) -> Catalog:
    """load_catalog, with a broken catalogue reported as a SideError naming the side."""
    try:
        return load_catalog(folder)
    except CatalogError as exc:
        errors = exc.errors
        if shown_as is not None:
            prefix = display_path(folder)
            errors = tuple(_rename_file(p, prefix, shown_as) for p in errors)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        first = f": {errors[0]}" if errors else ""
        raise SideError(f"{spec}: the catalogue does not load{first}{more}", errors) from None


def _rename_file(problem: Problem, prefix: str, shown_as: str) -> Problem:
    if problem.file == prefix or problem.file.startswith(prefix + os.sep):
        rest = problem.file[len(prefix):].replace(os.sep, "/")
        return replace(problem, file=shown_as.rstrip("/") + rest)
    return problem


def _git(*args: str, cwd: Path | None = None) -> bytes | None:
    """git's standard output, or None if it failed."""
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False, cwd=cwd)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


# ---------------------------------------------------------------------------- comparing

def diff_catalogs(old: Catalog, new: Catalog) -> CatalogDiff:
    """What changed from `old` to `new`: company, vocabulary, departments and positions."""
    return CatalogDiff(_company_changes(old.company, new.company),
                       _vocabulary_changes(old.competencies, new.competencies),
                       _department_diffs(old, new), old, new)


def _company_changes(old: Company, new: Company) -> tuple[Change, ...]:
    changes = []
    for kind, label, before, after in (
            ("version", "版本", old.version, new.version),
            ("effective-date", "生效日期", old.effective_date, new.effective_date),
            ("company-name", "公司名称", old.name, new.name),
            ("document", "文件名称", old.document, new.document)):
        if before != after:
            changes.append(Change(kind, label + "：{} → {}", (before, after)))
    if old.goal_categories != new.goal_categories:
        changes.append(Change("goal-categories", "目标类别：「{}」→「{}」",
                              ("、".join(old.goal_categories), "、".join(new.goal_categories))))
    a, b = old.scoring, new.scoring
    if (a.points_min, a.points_max) != (b.points_min, b.points_max):
        changes.append(Change("points", "评分分值：{}–{} → {}–{}",
                              tuple(map(format_number, (a.points_min, a.points_max,
                                                  b.points_min, b.points_max)))))
    for scale_id in _union(a.scales, b.scales):
        before, after = a.scales.get(scale_id), b.scales.get(scale_id)
        if before is None:
            changes.append(Change("scale-added", "新增评分量表「{}」：{}",
                                  (after.name, _levels(after))))
        elif after is None:
            changes.append(Change("scale-removed", "删除评分量表「{}」", (before.name,)))
        else:
            if before.name != after.name:
                changes.append(Change("scale-renamed", "评分量表「{}」改名为「{}」",
                                      (before.name, after.name)))
            if before.levels != after.levels:
                changes.append(Change("scale-levels", "评分量表「{}」档位：「{}」→「{}」",
                                      (after.name, _levels(before), _levels(after))))
    for group in _union(a.ability_groups, b.ability_groups):
        changes += _number_change("ability-group-weight",
                                  "能力组权重（{}）", GROUP_NAMES.get(group, group),
                                  a.ability_groups.get(group), b.ability_groups.get(group))
    for part in _union(a.combination, b.combination):
        changes += _number_change("combination",
                                  "总分构成权重（{}）", COMBINATION_NAMES.get(part, part),
                                  a.combination.get(part), b.combination.get(part))
    changes += _number_change("decimals", "结果保留小数位数", None, a.decimals, b.decimals)
    old_grades = {g.name: g.min for g in a.grades}
    new_grades = {g.name: g.min for g in b.grades}
    for name in _union(old_grades, new_grades):
        if name not in old_grades:
            changes.append(Change("grade-added", "新增等级「{}」（最低分 {}）",
                                  (name, format_number(new_grades[name]))))
        elif name not in new_grades:
            changes.append(Change("grade-removed", "删除等级「{}」", (name,)))
        elif old_grades[name] != new_grades[name]:
            changes.append(Change("grade-min", "等级「{}」最低分：{} → {}",
                                  (name, format_number(old_grades[name]),
                                   format_number(new_grades[name]))))
    return tuple(changes)


def _vocabulary_changes(old: Sequence[Competency],
                        new: Sequence[Competency]) -> tuple[Change, ...]:
    before = {c.id: c for c in old}
    after = {c.id: c for c in new}
    changes = []
    for competency_id in _union(after, before):
        a, b = before.get(competency_id), after.get(competency_id)
        if a is None:
            changes.append(Change("competency-added", "新增{}「{}」", (b.kind, b.name)))
        elif b is None:
            changes.append(Change("competency-removed", "删除{}「{}」", (a.kind, a.name)))
        else:
            if a.name != b.name:
                changes.append(Change("competency-renamed", "{}「{}」改名为「{}」",
                                      (b.kind, a.name, b.name)))
            if a.kind != b.kind:
                changes.append(Change("competency-kind", "「{}」类别：{} → {}",
                                      (b.name, a.kind, b.kind)))
            if a.definition != b.definition:
                changes.append(Change("competency-definition", "{}「{}」的定义有修改",
                                      (b.kind, b.name)))
            ratings = [r for r in _union(b.anchors, a.anchors)
                       if a.anchors.get(r) != b.anchors.get(r)]
            if ratings:
                changes.append(Change("competency-anchors", "{}「{}」的行为描述有修改（{}）",
                                      (b.kind, b.name, "、".join(
                                          f"{r}分" for r in sorted(ratings, reverse=True)))))
    return tuple(changes)


def _department_diffs(old: Catalog, new: Catalog) -> tuple[DepartmentDiff, ...]:
    old_departments = {d.id: d for d in old.departments}
    new_departments = {d.id: d for d in new.departments}
    old_positions = {p.id: p for p in old.positions()}
    new_ids = {p.id for p in new.positions()}
    result = []
    for department in new.departments:
        before = old_departments.get(department.id)
        changes = []
        if before is None:
            changes.append(Change("department-added", "新增部门「{}」", (department.name,)))
        elif before.name != department.name:
            changes.append(Change("department-renamed", "部门名称：「{}」→「{}」",
                                  (before.name, department.name)))
        positions = [_position_diff(old, new, old_positions.get(p.id), p)
                     for p in department.positions]
        if before is not None:
            positions += [_position_diff(old, new, p, None)
                          for p in before.positions if p.id not in new_ids]
        positions = [p for p in positions if p.changes]
        if changes or positions:
            status = "added" if before is None else "changed"
            result.append(DepartmentDiff(department.id, department.name, status,
                                         tuple(changes), tuple(positions)))
    for before in old.departments:
        if before.id not in new_departments:
            positions = tuple(_position_diff(old, new, p, None)
                              for p in before.positions if p.id not in new_ids)
            result.append(DepartmentDiff(
                before.id, before.name, "removed",
                (Change("department-removed", "删除部门「{}」", (before.name,)),), positions))
    return tuple(result)


def _position_diff(old_catalog: Catalog, new_catalog: Catalog, old: Position | None,
                   new: Position | None) -> PositionDiff:
    if old is None:
        template = "新增岗位「{}」（待补充）" if new.is_draft else "新增岗位「{}」"
        change = Change("position-added", template, (new.title,))
        return PositionDiff(new.id, new.title, new.department_id, "added", (change,), None, new)
    if new is None:
        change = Change("position-removed", "删除岗位「{}」", (old.title,))
        return PositionDiff(old.id, old.title, old.department_id, "removed", (change,), old, None)
    changes = []
    if old.department_id != new.department_id:
        changes.append(Change("moved", "所属部门：「{}」→「{}」",
                              (_department_name(old_catalog, old.department_id),
                               _department_name(new_catalog, new.department_id))))
    if old.title != new.title:
        changes.append(Change("retitled", "岗位名称：「{}」→「{}」", (old.title, new.title)))
    if old.status != new.status:
        changes.append(Change("status", "状态：{} → {}",
                              (STATUS_NAMES[old.status], STATUS_NAMES[new.status])))
    changes += _goal_changes(old.goals, new.goals)
    changes += _monthly_changes(old, new)
    changes += _kpi_changes(old, new)
    for group in GROUPS:
        before, after = old.competencies[group], new.competencies[group]
        label = GROUP_NAMES[group]
        changes += [Change("position-competency-added", "新增{}：{}",
                           (label, new_catalog.competency(c).name))
                    for c in after if c not in before]
        changes += [Change("position-competency-removed", "删除{}：{}",
                           (label, old_catalog.competency(c).name))
                    for c in before if c not in after]
    return PositionDiff(new.id, new.title, new.department_id, "changed", tuple(changes), old, new)


def _goal_changes(old: dict[str, tuple[Goal, ...]],
                  new: dict[str, tuple[Goal, ...]]) -> list[Change]:
    categories = _union(new, old)
    pairs = {c: _match(old.get(c, ()), new.get(c, ()), lambda a, b: a.goal == b.goal,
                       lambda i, a, j, b: i == j and a.target == b.target)
             for c in categories}
    # A goal whose exact text left one category and arrived in another has moved.
    moved: dict[tuple[str, int], tuple[str, int]] = {}
    for category in categories:
        for j, goal in enumerate(new.get(category, ())):
            if j in pairs[category].values():
                continue
            for source in categories:
                if source == category:
                    continue
                matched = set(pairs[source]) | {v for k, v in moved.items() if k[0] == source}
                hit = next((i for i, g in enumerate(old.get(source, ()))
                            if i not in matched and g.goal == goal.goal), None)
                if hit is not None:
                    moved[(source, hit)] = (category, j)
                    break
    arrived = {v: k for k, v in moved.items()}
    changes = []
    for category in categories:
        goals_before, goals_after = old.get(category, ()), new.get(category, ())
        matched_new = {j: i for i, j in pairs[category].items()}
        for j, goal in enumerate(goals_after):
            if j in matched_new:
                before = goals_before[matched_new[j]]
                if before.goal != goal.goal:
                    changes.append(Change("goal-reworded", "{}目标「{}」改为「{}」",
                                          (category, before.goal, goal.goal)))
            elif (category, j) in arrived:
                source, i = arrived[(category, j)]
                before = old[source][i]
                changes.append(Change("goal-moved", "目标「{}」从{}移到{}",
                                      (goal.goal, source, category)))
            else:
                changes.append(Change("goal-added", "新增{}目标「{}」（目标值「{}」）",
                                      (category, goal.goal, goal.target)))
                continue
            if before.target != goal.target:
                changes.append(Change("goal-target", "目标值「{}」→「{}」（目标：{}）",
                                      (before.target, goal.target, goal.goal)))
        for i, goal in enumerate(goals_before):
            if i not in pairs[category] and (category, i) not in moved:
                changes.append(Change("goal-removed", "删除{}目标「{}」", (category, goal.goal)))
    return changes


def _monthly_changes(old: Position, new: Position) -> list[Change]:
    a, b = old.monthly, new.monthly
    if a is None and b is None:
        return []
    if a is None:
        return [Change("monthly-added", "新增月度指标「{}」（目标「{}」，考核方法「{}」）",
                       (b.indicator, b.target, b.method))]
    if b is None:
        return [Change("monthly-removed", "删除月度指标「{}」", (a.indicator,))]
    changes = []
    if a.indicator != b.indicator:
        changes.append(Change("monthly-indicator", "月度指标：「{}」→「{}」",
                              (a.indicator, b.indicator)))
    if a.target != b.target:
        changes.append(Change("monthly-target", "月度指标「{}」目标：「{}」→「{}」",
                              (b.indicator, a.target, b.target)))
    if a.method != b.method:
        changes.append(Change("monthly-method", "月度指标「{}」考核方法：「{}」→「{}」",
                              (b.indicator, a.method, b.method)))
    return changes


def _kpi_changes(old: Position, new: Position) -> list[Change]:
    def renamed(i: int, a: Kpi, j: int, b: Kpi) -> bool:
        same_text = (a.standard, a.method) == (b.standard, b.method) and (a.standard or a.method)
        return i == j and (a.weight == b.weight or bool(same_text))

    pairs = _match(old.kpis, new.kpis, lambda a, b: a.name == b.name, renamed)
    matched_new = {j: i for i, j in pairs.items()}
    changes = []
    for j, kpi in enumerate(new.kpis):
        if j not in matched_new:
            changes.append(Change("kpi-added", "新增 KPI「{}」（权重 {}）",
                                  (kpi.name, format_number(kpi.weight))))
            continue
        before = old.kpis[matched_new[j]]
        if before.name != kpi.name:
            changes.append(Change("kpi-renamed", "KPI「{}」改名为「{}」", (before.name, kpi.name)))
        if before.weight != kpi.weight:
            changes.append(Change("kpi-weight", "KPI「{}」权重：{} → {}",
                                  (kpi.name, format_number(before.weight),
                                   format_number(kpi.weight))))
        if before.standard != kpi.standard:
            changes.append(Change("kpi-standard", "KPI「{}」评分标准：「{}」→「{}」",
                                  (kpi.name, before.standard, kpi.standard)))
        if before.method != kpi.method:
            changes.append(Change("kpi-method", "KPI「{}」考核方法：「{}」→「{}」",
                                  (kpi.name, before.method, kpi.method)))
        if _scale_key(before.scale) != _scale_key(kpi.scale):
            changes.append(Change("kpi-scale", "KPI「{}」机读评分：「{}」→「{}」",
                                  (kpi.name, _describe_scale(before.scale),
                                   _describe_scale(kpi.scale))))
    changes += [Change("kpi-removed", "删除 KPI「{}」（权重 {}）",
                       (k.name, format_number(k.weight)))
                for i, k in enumerate(old.kpis) if i not in pairs]
    kept = [pairs[i] for i in sorted(pairs)]
    if kept != sorted(kept):
        names = [k.name for k in new.kpis]
        changes.append(Change("kpi-order", "KPI 顺序调整为：{}",
                              ("".join(f"「{name}」" for name in names),)))
    if old.weight_total != new.weight_total:
        changes.append(Change("weight-total", "KPI 权重合计：{} → {}",
                              (format_number(old.weight_total), format_number(new.weight_total))))
    a, b = old.weights_total_note, new.weights_total_note
    if a != b:
        if a is None:
            changes.append(Change("weights-total-note", "新增权重合计说明：{}", (b,)))
        elif b is None:
            changes.append(Change("weights-total-note", "删除权重合计说明：{}", (a,)))
        else:
            changes.append(Change("weights-total-note", "权重合计说明：「{}」→「{}」", (a, b)))
    return changes


def _match(old: Sequence[T], new: Sequence[T], same: Callable[[T, T], bool],
           counterpart: Callable[[int, T, int, T], bool]) -> dict[int, int]:
    """Old index -> new index: items that are `same` first (in order), then, among the rest,
    pairs that are `counterpart`s (the same item, edited)."""
    pairs: dict[int, int] = {}
    for stage in (lambda i, a, j, b: same(a, b), counterpart):
        for i, a in enumerate(old):
            if i in pairs:
                continue
            taken = set(pairs.values())
            j = next((j for j, b in enumerate(new) if j not in taken and stage(i, a, j, b)), None)
            if j is not None:
                pairs[i] = j
    return pairs


def _scale_key(scale: TierScale | NamedScale | None) -> object:
    # A named scale is compared by id: a change to its levels is a company change.
    return ("named", scale.id) if isinstance(scale, NamedScale) else scale


def _describe_scale(scale: TierScale | NamedScale | None) -> str:
    if scale is None:
        return "无"
    if isinstance(scale, NamedScale):
        return scale.name
    tiers = "、".join(f"{t.op}{'?' if t.value is None else format_number(t.value)}{scale.unit}"
                     f"得{t.points}分" for t in scale.tiers)
    rest = "人工评分" if scale.otherwise is None else f"得{scale.otherwise}分"
    return f"{tiers}，其余{rest}"


def _levels(scale: NamedScale) -> str:
    return "、".join(f"{lv.label}{lv.points}" for lv in scale.levels)


def _number_change(kind: str, label: str, subject: str | None, before: float | None,
                   after: float | None) -> list[Change]:
    """`label` is a constant template with one `{}` for `subject` when `subject` is given."""
    if before == after:
        return []
    shown = tuple("—" if v is None else format_number(v) for v in (before, after))
    values = shown if subject is None else (subject, *shown)
    return [Change(kind, label + "：{} → {}", values)]


def _department_name(catalog: Catalog, department_id: str) -> str:
    return next((d.name for d in catalog.departments if d.id == department_id), department_id)


def _union(first: Iterable[T], second: Iterable[T]) -> list[T]:
    """The keys of `first` in order, then those only in `second`."""
    keys = list(first)
    return keys + [k for k in second if k not in keys]



# ---------------------------------------------------------------------------- formatting

NO_CHANGES = "两个版本的目录没有差别。"


def format_text(diff: CatalogDiff) -> str:
    """The diff for a terminal: sections, then departments and positions, indented."""
    if diff.is_empty:
        return NO_CHANGES + "\n"
    lines: list[str] = []
    for title, changes in _company_sections(diff):
        lines += ["", title] + [f"  - {c.text}" for c in changes]
    for department in diff.departments:
        lines += ["", plain_text(department.name)] + [f"  - {c.text}" for c in department.changes]
        for position in department.positions:
            lines.append(f"  {plain_text(position.title)}（{position.id}）")
            lines += [f"    - {c.text}" for c in position.changes]
    return "\n".join(lines[1:]) + "\n"


def format_markdown(diff: CatalogDiff, heading_level: int = 2) -> str:
    """The diff for a site page: a heading per section, department and position."""
    if diff.is_empty:
        return NO_CHANGES + "\n"
    section, sub = "#" * heading_level, "#" * (heading_level + 1)
    blocks: list[str] = []

    def block(heading: str, changes: Sequence[Change]) -> None:
        blocks.append(heading)
        if changes:
            blocks.append("\n".join(f"- {c.markdown}" for c in changes))

    for title, changes in _company_sections(diff):
        block(f"{section} {title}", changes)
    for department in diff.departments:
        block(f"{section} {escape_markdown(department.name)}", department.changes)
        for position in department.positions:
            block(f"{sub} {escape_markdown(position.title)}", position.changes)
    return "\n\n".join(blocks) + "\n"


def _company_sections(diff: CatalogDiff) -> list[tuple[str, tuple[Change, ...]]]:
    return [(title, changes) for title, changes in (("公司设置", diff.company),
                                                    ("能力与态度", diff.vocabulary)) if changes]
