"""Broken catalogues: each gets exactly these messages, with file and line, and nothing else."""

from __future__ import annotations

import pytest

from generator import CatalogError, load_catalog

M = "departments/sales/sales-manager.yaml"  # the published fixture position
R = "departments/sales/sales-rep.yaml"  # the draft fixture position
D = "departments/sales/_department.yaml"
V = "vocabulary.yaml"
C = "company.yaml"

OTHER_DEPARTMENT = "name: 其他部\npositions:\n  - sales-manager\n"


def case(name, *steps, expect):
    return pytest.param(steps, expect, id=name)


def sub(path, old, new):
    return lambda cat: cat.replace(path, old, new)


def put(path, text):
    return lambda cat: cat.write(path, text)


def rm(path):
    return lambda cat: cat.remove(path)


def mv(path, new):
    return lambda cat: cat.rename(path, new)


CASES = [
    case(
        "yaml-syntax",
        sub(M, "title: 销售部经理", "title: [销售部经理"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:2: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence started on line 1)",
        ],
    ),
    case(
        "yaml-unclosed-quote",
        sub(M, 'target: "100%"', 'target: "100%'),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:19: YAML syntax error: did not find expected comment or line break (while scanning a block scalar)",
        ],
    ),
    case(
        "weight-is-chinese-text",
        sub(M, "weight: 60", "weight: 二十"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: expected a number, got '二十'",
        ],
    ),
    case(
        "weight-with-percent-sign",
        sub(M, "weight: 60", "weight: 60%"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: expected a number, got '60%'",
        ],
    ),
    case(
        "weight-negative",
        sub(M, "weight: 60", "weight: -60"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: must be more than 0, got -60",
        ],
    ),
    case(
        "weight-zero",
        sub(M, "weight: 40", "weight: 0"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:27: kpis[1] (客户满意度).weight: must be more than 0, got 0",
        ],
    ),
    case(
        "weight-over-100",
        sub(M, "weight: 60", "weight: 160"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: must be at most 100, got 160",
        ],
    ),
    case(
        "weights-do-not-add-up",
        sub(M, "weight: 60", "weight: 50"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:16: kpis: KPI weights add to 90, not 100; correct them, or if the source itself differs say why in weights_total_note",
        ],
    ),
    case(
        "missing-weight",
        sub(M, "    weight: 40\n", ""),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:26: kpis[1] (客户满意度): missing required key 'weight'",
        ],
    ),
    case(
        "missing-title",
        sub(R, "title: 销售部销售代表\n", ""),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: missing required key 'title'",
        ],
    ),
    case(
        "unknown-key-typo",
        sub(M, "weight: 40", "wieght: 40"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:27: kpis[1] (客户满意度).wieght: unknown key 'wieght' (did you mean 'weight'?)",
        ],
    ),
    case(
        "unknown-top-level-key",
        sub(R, "status: draft", "status: draft\nremark: 待定"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:4: remark: unknown key 'remark'; allowed: title, title_inferred, source_title, source_line, status, notes, goals, monthly, kpis, weights_total_note, competencies",
        ],
    ),
    case(
        "unknown-competency-group",
        sub(M, "  core:", "  cor:"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:32: competencies.cor: unknown key 'cor' (did you mean 'core'?)",
        ],
    ),
    case(
        "status-not-allowed",
        sub(M, "status: published", "status: live"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:3: status: expected one of published, draft, got 'live'",
        ],
    ),
    case(
        "target-is-a-number",
        sub(M, 'target: "100%"', "target: 100"),
        expect=[
            'catalog/departments/sales/sales-manager.yaml:11: goals.客户类[0] (客户投诉问题处理).target: expected text, got 100 (put it in quotes to keep it as text: "100")',
        ],
    ),
    case(
        "goal-empty",
        sub(M, "goal: 部门销售任务", 'goal: ""'),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:6: goals.财务/业务拓展类[0].goal: must not be empty",
        ],
    ),
    case(
        "goal-category-unknown",
        sub(M, "  客户类:", "  客户类别:"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:9: goals.客户类别: unknown goal category '客户类别' (did you mean '客户类'?); company.yaml lists 财务/业务拓展类, 客户类, 内部管理类, 学习与创新类",
        ],
    ),
    case(
        "goals-not-a-list",
        sub(
            M,
            '  客户类:\n    - goal: 客户投诉问题处理\n      target: "100%"',
            "  客户类: 客户投诉问题处理",
        ),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:9: goals.客户类: expected a list, got '客户投诉问题处理'",
        ],
    ),
    case(
        "duplicate-key",
        sub(R, "status: draft", "status: draft\ntitle: 销售代表"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:4: title: duplicate key (first given on line 1)",
        ],
    ),
    case(
        "duplicate-position-id-across-departments",
        sub(C, "  - sales\n", "  - sales\n  - other\n"),
        put("departments/other/_department.yaml", OTHER_DEPARTMENT),
        put("departments/other/sales-manager.yaml", "title: 其他经理\nstatus: draft\n"),
        expect=[
            "catalog/departments/other/sales-manager.yaml:1: duplicate position id 'sales-manager': catalog/departments/sales/sales-manager.yaml has the same file name",
        ],
    ),
    case(
        "unknown-competency",
        sub(M, "- accuracy", "- acuracy"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:35: competencies.reference[0]: unknown competency 'acuracy': not in vocabulary.yaml (did you mean 'accuracy'?)",
        ],
    ),
    case(
        "ability-listed-as-attitude",
        sub(M, "    - efficient", "    - teamwork"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:37: competencies.attitude[0]: 'teamwork' (团队合作) is a 能力 item; 态度 takes 态度 items",
            "catalog/departments/sales/sales-manager.yaml:37: competencies.attitude[0]: 'teamwork' is listed twice (also in 核心能力)",
        ],
    ),
    case(
        "competency-listed-twice",
        sub(M, "    - accuracy", "    - teamwork"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:35: competencies.reference[0]: 'teamwork' is listed twice (also in 核心能力)",
        ],
    ),
    case(
        "slot-spelling-not-the-entrys",
        sub(M, "    - teamwork", "    - {id: teamwork, seed: 团队}"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:33: competencies.core[0] (teamwork).seed: source spelling '团队' is not one of the spellings of 'teamwork' (团队合作) in vocabulary.yaml: '团队合作', '团合作'",
        ],
    ),
    case(
        "slot-spelling-of-an-entry-without-any",
        sub(M, "    - accuracy", "    - {id: accuracy, seed: 准确}"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:35: competencies.reference[0] (accuracy).seed: source spelling '准确': 'accuracy' (准确性) has no `seed` spellings in vocabulary.yaml; add it there",
        ],
    ),
    case(
        "slot-that-follows-anyway",
        sub(
            M,
            "    - teamwork",
            "    - {id: teamwork, seed: 团合作, slot: 2}\n    - {id: accuracy, slot: 3}",
        ),
        sub(M, "  reference:\n    - accuracy\n", ""),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:34: competencies.core[1] (accuracy).slot: slot 3 is the slot after the previous item's anyway; write `slot` only where the slot before it is empty",
        ],
    ),
    case(
        "slot-before-the-previous",
        sub(M, "    - teamwork", "    - {id: teamwork, slot: 3}\n    - {id: accuracy, slot: 2}"),
        sub(M, "  reference:\n    - accuracy\n", ""),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:34: competencies.core[1] (accuracy).slot: slot 2 is not after slot 3 of the item before it; list the items in the order of their slots",
        ],
    ),
    case(
        "slot-one",
        sub(M, "    - teamwork", "    - {id: teamwork, slot: 1}"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:33: competencies.core[0] (teamwork).slot: must be at least 2, got 1",
        ],
    ),
    case(
        "slot-unknown-key",
        sub(M, "    - teamwork", "    - {id: teamwork, sead: 团队合作}"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:33: competencies.core[0] (teamwork).sead: unknown key 'sead' (did you mean 'seed'?)",
        ],
    ),
    case(
        "sub-item-with-sub-items",
        sub(
            M,
            "      target: 100%完成\n",
            "      target: 100%完成\n      items:\n        - goal: 子项\n          items:\n            - goal: 子项的子项\n",
        ),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:10: goals.财务/业务拓展类[0] (部门销售任务).items[0] (子项).items: unknown key 'items'; allowed: goal, target, seed, unclear",
        ],
    ),
    case(
        "sub-items-empty",
        sub(M, "      target: 100%完成\n", "      target: 100%完成\n      items: []\n"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:8: goals.财务/业务拓展类[0] (部门销售任务).items: must list at least 1 item(s)",
        ],
    ),
    case(
        "unsafe-position-id",
        mv(R, "departments/sales/Sales Rep.yaml"),
        expect=[
            "catalog/departments/sales/Sales Rep.yaml:1: 'Sales Rep' is not a safe position id: name the file with lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst.yaml",
            "catalog/departments/sales/_department.yaml:5: positions[1]: no file sales-rep.yaml in this folder",
        ],
    ),
    case(
        "unsafe-id-in-department-list",
        sub(D, "  - sales-rep", "  - Sales_Rep"),
        expect=[
            "catalog/departments/sales/_department.yaml:5: positions[1]: 'Sales_Rep' is not a safe id: use lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst",
        ],
    ),
    case(
        "position-file-not-listed",
        put("departments/sales/sales-intern.yaml", "title: 实习生\nstatus: draft\n"),
        expect=[
            "catalog/departments/sales/sales-intern.yaml:1: position is not listed in _department.yaml `positions`",
        ],
    ),
    case(
        "listed-position-without-file",
        rm(R),
        expect=[
            "catalog/departments/sales/_department.yaml:5: positions[1]: no file sales-rep.yaml in this folder",
        ],
    ),
    case(
        "position-listed-twice",
        sub(D, "  - sales-rep", "  - sales-rep\n  - sales-rep"),
        expect=[
            "catalog/departments/sales/_department.yaml:6: positions[2]: position 'sales-rep' is listed twice",
        ],
    ),
    case(
        "yml-extension",
        mv(R, "departments/sales/sales-rep.yml"),
        expect=[
            "catalog/departments/sales/sales-rep.yml: position files end in .yaml; rename it",
            "catalog/departments/sales/_department.yaml:5: positions[1]: no file sales-rep.yaml in this folder",
        ],
    ),
    case(
        "department-folder-not-listed",
        put("departments/extra/_department.yaml", "name: 额外部\npositions: []\n"),
        expect=[
            "catalog/departments/extra: department folder is not listed in company.yaml `departments`",
        ],
    ),
    case(
        "listed-department-without-folder",
        sub(C, "  - sales\n", "  - sales\n  - legal\n"),
        expect=[
            "catalog/company.yaml:18: departments[1]: no folder departments/legal/ for this department",
        ],
    ),
    case(
        "department-file-missing",
        rm(D),
        expect=[
            "catalog/departments/sales/_department.yaml: missing file: a catalogue needs its department file here",
        ],
    ),
    case(
        "vocabulary-file-missing",
        rm(V),
        expect=[
            "catalog/vocabulary.yaml: missing file: a catalogue needs its vocabulary file here",
        ],
    ),
    case(
        "not-a-catalogue",
        rm(C),
        expect=[
            "catalog: not a catalogue: no company.yaml in this folder",
        ],
    ),
    case(
        "empty-file",
        put(R, ""),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: file is empty",
        ],
    ),
    case(
        "only-a-comment",
        put(R, "# 待补充\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: file is empty",
        ],
    ),
    case(
        "top-level-is-a-list",
        put(R, "- title: 销售代表\n- status: draft\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: expected a mapping (key: value lines), got a list",
        ],
    ),
    case(
        "gbk-encoded-file",
        put(R, "title: 销售部销售代表\nstatus: draft\n".encode("gbk")),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: file is not UTF-8 text (it looks like GBK/GB18030, as some Windows editors save): byte 0xcf cannot be read; save it as UTF-8",
        ],
    ),
    case(
        "utf16-encoded-file",
        put(R, "title: 销售部销售代表\nstatus: draft\n".encode("utf-16")),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: file is not UTF-8 text (it looks like UTF-16, as some Windows editors save): byte 0xff cannot be read; save it as UTF-8",
        ],
    ),
    case(
        "tab-indentation",
        sub(M, "    - teamwork", "\t- teamwork"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:33: tab character in indentation; YAML indents with spaces only",
        ],
    ),
    case(
        "two-documents-in-one-file",
        put(R, "title: 销售代表\nstatus: draft\n---\ntitle: 又一个\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:3: YAML syntax error: a file holds one YAML document; remove the second '---' and what follows",
        ],
    ),
    case(
        "recursive-alias",
        put(R, "title: 销售代表\nstatus: draft\nnotes: &a [*a]\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:3: notes[0]: recursive alias",
        ],
    ),
    case(
        "key-is-a-list",
        put(R, "title: 销售代表\nstatus: draft\n[a, b]: c\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:3: a key must be plain text, not a list or mapping",
        ],
    ),
    case(
        "binary-value",
        sub(R, "title: 销售部销售代表", "title: !!binary aGVsbG8="),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: title: unsupported YAML tag '!!binary'; write plain values",
        ],
    ),
    case(
        "python-tag",
        sub(R, "title: 销售部销售代表", "title: !!python/object/apply:os.system [ls]"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: title: unsupported YAML tag '!!python/object/apply:os.system'; write plain values",
        ],
    ),
    case(
        "published-without-kpis",
        put(R, "title: 销售部销售代表\nstatus: published\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:2: status: a published position needs at least one KPI; mark it `status: draft` while it is being written",
        ],
    ),
    case(
        "weights-note-but-total-is-100",
        sub(M, "competencies:", "weights_total_note: 原文如此\ncompetencies:"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:31: weights_total_note: weights add to 100; remove weights_total_note",
        ],
    ),
    case(
        "unknown-named-scale",
        sub(M, "scale: satisfaction-5", "scale: satisfaction-7"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:29: kpis[1] (客户满意度).scale: unknown scale 'satisfaction-7'; company.yaml scoring.scales defines: satisfaction-5",
        ],
    ),
    case(
        "tier-points-out-of-range",
        sub(M, "points: 5}", "points: 7}"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:23: kpis[0] (部门业绩).scale.tiers[0].points: 7 is outside the point scale 1–5",
        ],
    ),
    case(
        "tier-operator-unknown",
        sub(M, 'op: ">"', 'op: "=>"'),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:23: kpis[0] (部门业绩).scale.tiers[0].op: expected one of >, >=, <, <=, =, got '=>'",
        ],
    ),
    case(
        "scale-without-standard",
        sub(M, '    standard: ">120%为5"\n', ""),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:19: kpis[0] (部门业绩).scale: a scale needs the `standard` text it was read from",
        ],
    ),
    case(
        "vocabulary-duplicate-id",
        sub(V, "id: accuracy", "id: teamwork"),
        expect=[
            "catalog/vocabulary.yaml:11: competencies[1] (teamwork).id: duplicate id 'teamwork' (first defined on line 2)",
            "catalog/departments/sales/sales-manager.yaml:35: competencies.reference[0]: unknown competency 'accuracy': not in vocabulary.yaml",
        ],
    ),
    case(
        "vocabulary-missing-anchor",
        sub(V, "      3: 偶有差错，能及时更正。\n", ""),
        expect=[
            "catalog/vocabulary.yaml:15: competencies[1] (accuracy).anchors: needs anchors for ratings 5, 3, 1; missing 3",
        ],
    ),
    case(
        "vocabulary-anchor-outside-scale",
        sub(V, "      5: 工作几乎从不出错。", "      6: 工作几乎从不出错。"),
        expect=[
            "catalog/vocabulary.yaml:16: competencies[1] (accuracy).anchors.6: rating 6 is outside the point scale 1–5",
            "catalog/vocabulary.yaml:15: competencies[1] (accuracy).anchors: needs anchors for ratings 5, 3, 1; missing 5",
        ],
    ),
    case(
        "vocabulary-kind-unknown",
        sub(V, "kind: 态度", "kind: 品德"),
        expect=[
            "catalog/vocabulary.yaml:21: competencies[2] (efficient).kind: expected one of 能力, 态度, got '品德'",
        ],
    ),
    case(
        "vocabulary-seed-spelling-twice",
        sub(
            V,
            "definition: 工作结果准确无误。",
            "seed: [团合作]\n    definition: 工作结果准确无误。",
        ),
        expect=[
            "catalog/vocabulary.yaml:14: competencies[1] (accuracy).seed: source spelling '团合作' is already listed under 'teamwork'",
        ],
    ),
    case(
        "company-date-format",
        sub(C, 'effective_date: "2026-12-01"', "effective_date: 2026年12月1日"),
        expect=[
            "catalog/company.yaml:13: catalogue.effective_date: expected a date written YYYY-MM-DD (e.g. 2026-12-01), got '2026年12月1日'",
        ],
    ),
    case(
        "company-grades-out-of-order",
        sub(C, "{name: 良好, min: 80}", "{name: 良好, min: 95}"),
        expect=[
            "catalog/company.yaml:64: scoring.grades: grades must be listed from the highest `min` down, each `min` different",
        ],
    ),
    case(
        "company-points-min-above-max",
        sub(C, "points: {min: 1, max: 5}", "points: {min: 5, max: 1}"),
        expect=[
            "catalog/company.yaml:33: scoring.points: min (5) must be below max (1)",
        ],
    ),
    case(
        "company-department-listed-twice",
        sub(C, "  - sales\n", "  - sales\n  - sales\n"),
        expect=[
            "catalog/company.yaml:18: departments[1]: department 'sales' is listed twice",
        ],
    ),
    case(
        "several-problems-in-one-run",
        sub(M, "weight: 60", "weight: 二十"),
        sub(R, "status: draft", "status: drafted"),
        sub(V, "kind: 态度", "kind: 品德"),
        expect=[
            "catalog/vocabulary.yaml:21: competencies[2] (efficient).kind: expected one of 能力, 态度, got '品德'",
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: expected a number, got '二十'",
            "catalog/departments/sales/sales-rep.yaml:3: status: expected one of published, draft, got 'drafted'",
        ],
    ),
    # Every problem in one run: a schema error does not stop the checks of the rest.
    case(
        "schema-error-and-cross-checks-in-one-file",
        sub(M, "title: 销售部经理", 'title: ""'),
        sub(M, "- teamwork", "- teamwrok"),
        sub(M, "weight: 60", "weight: 65"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:1: title: must not be empty",
            "catalog/departments/sales/sales-manager.yaml:33: competencies.core[0]: unknown competency 'teamwrok': not in vocabulary.yaml (did you mean 'teamwork'?)",
            "catalog/departments/sales/sales-manager.yaml:16: kpis: KPI weights add to 105, not 100; correct them, or if the source itself differs say why in weights_total_note",
        ],
    ),
    case(
        "unreadable-weight-leaves-the-total-unknown",
        sub(M, "weight: 60", "weight: 二十"),
        sub(M, "- teamwork", "- teamwrok"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: expected a number, got '二十'",
            "catalog/departments/sales/sales-manager.yaml:33: competencies.core[0]: unknown competency 'teamwrok': not in vocabulary.yaml (did you mean 'teamwork'?)",
        ],
    ),
    case(
        "company-schema-error-does-not-hide-position-checks",
        sub(C, "  name: 某电信公司", '  name: ""'),
        sub(M, "  客户类:", "  客户类别:"),
        sub(M, "scale: satisfaction-5", "scale: satisfaction-7"),
        expect=[
            "catalog/company.yaml:8: company.name: must not be empty",
            "catalog/departments/sales/sales-manager.yaml:9: goals.客户类别: unknown goal category '客户类别' (did you mean '客户类'?); company.yaml lists 财务/业务拓展类, 客户类, 内部管理类, 学习与创新类",
            "catalog/departments/sales/sales-manager.yaml:29: kpis[1] (客户满意度).scale: unknown scale 'satisfaction-7'; company.yaml scoring.scales defines: satisfaction-5",
        ],
    ),
    case(
        "company-schema-error-does-not-hide-department-checks",
        sub(C, "  name: 某电信公司", '  name: ""'),
        put("departments/extra/_department.yaml", "name: 额外部\npositions: []\n"),
        expect=[
            "catalog/company.yaml:8: company.name: must not be empty",
            "catalog/departments/extra: department folder is not listed in company.yaml `departments`",
        ],
    ),
    case(
        "vocabulary-schema-error-does-not-hide-position-checks",
        sub(V, "definition: 工作结果准确无误。", 'definition: ""'),
        sub(M, "- teamwork", "- teamwrok"),
        expect=[
            "catalog/vocabulary.yaml:14: competencies[1] (accuracy).definition: must not be empty",
            "catalog/departments/sales/sales-manager.yaml:33: competencies.core[0]: unknown competency 'teamwrok': not in vocabulary.yaml (did you mean 'teamwork'?)",
        ],
    ),
    case(
        "vocabulary-id-unreadable-is-not-reported-again-where-used",
        sub(V, "id: accuracy", "id: Accuracy"),
        expect=[
            "catalog/vocabulary.yaml:11: competencies[1] (Accuracy).id: 'Accuracy' is not a safe id: use lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst",
        ],
    ),
    case(
        "department-file-schema-error-does-not-hide-position-checks",
        sub(D, "name: 销售部", 'name: ""'),
        sub(M, "weight: 60", "weight: 50"),
        expect=[
            "catalog/departments/sales/_department.yaml:1: name: must not be empty",
            "catalog/departments/sales/sales-manager.yaml:16: kpis: KPI weights add to 90, not 100; correct them, or if the source itself differs say why in weights_total_note",
        ],
    ),
    case(
        "several-schema-errors-and-a-scale-check",
        sub(M, 'op: ">"', 'op: "=>"'),
        sub(M, "points: 5}", "points: 7}"),
        sub(M, "status: published", "status: live"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:3: status: expected one of published, draft, got 'live'",
            "catalog/departments/sales/sales-manager.yaml:23: kpis[0] (部门业绩).scale.tiers[0].op: expected one of >, >=, <, <=, =, got '=>'",
            "catalog/departments/sales/sales-manager.yaml:23: kpis[0] (部门业绩).scale.tiers[0].points: 7 is outside the point scale 1–5",
        ],
    ),
    # "did you mean" for unknown ids
    case(
        "unknown-id-in-department-list-suggests-a-file",
        sub(D, "  - sales-rep", "  - sales-rpe"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: position is not listed in _department.yaml `positions`",
            "catalog/departments/sales/_department.yaml:5: positions[1]: no file sales-rpe.yaml in this folder (did you mean 'sales-rep'?)",
        ],
    ),
    case(
        "unknown-id-in-company-list-suggests-a-folder",
        sub(C, "  - sales\n", "  - sales\n  - marketting\n"),
        put("departments/marketing/_department.yaml", "name: 市场部\npositions: []\n"),
        expect=[
            "catalog/departments/marketing: department folder is not listed in company.yaml `departments`",
            "catalog/company.yaml:18: departments[1]: no folder departments/marketting/ for this department (did you mean 'marketing'?)",
        ],
    ),
    case(
        "unknown-named-scale-suggests-one-of-several",
        sub(
            C,
            "    satisfaction-5:",
            "    accuracy-3:\n      name: 三级准确度\n      levels:\n        - {label: 准确, points: 5}\n        - {label: 不准确, points: 1}\n    satisfaction-5:",
        ),
        sub(M, "scale: satisfaction-5", "scale: satisfaction-7"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:29: kpis[1] (客户满意度).scale: unknown scale 'satisfaction-7' (did you mean 'satisfaction-5'?); company.yaml scoring.scales defines: accuracy-3, satisfaction-5",
        ],
    ),
    # Ids: `$` matched before a final line break; Windows reserved names
    case(
        "id-with-final-line-break-in-department-list",
        sub(D, "  - sales-rep", '  - "sales-rep\\n"'),
        expect=[
            "catalog/departments/sales/_department.yaml:5: positions[1]: 'sales-rep⏎' is not a safe id: use lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst",
        ],
    ),
    case(
        "id-with-final-line-break-in-company-list",
        sub(C, "  - sales\n", '  - "sales\\n"\n'),
        expect=[
            "catalog/company.yaml:17: departments[0]: 'sales⏎' is not a safe id: use lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst",
        ],
    ),
    case(
        "id-with-final-line-break-in-vocabulary",
        sub(V, "id: efficient", 'id: "efficient\\n"'),
        expect=[
            "catalog/vocabulary.yaml:19: competencies[2] (efficient⏎).id: 'efficient⏎' is not a safe id: use lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst",
        ],
    ),
    case(
        "id-with-final-line-break-in-a-reference",
        sub(M, "- teamwork", '- "teamwork\\n"'),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:33: competencies.core[0]: 'teamwork⏎' is not a safe id: use lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst",
        ],
    ),
    case(
        "id-with-final-line-break-in-a-file-name",
        mv(R, "departments/sales/sales-rep\n.yaml"),
        expect=[
            "catalog/departments/sales/sales-rep⏎.yaml:1: 'sales-rep⏎' is not a safe position id: name the file with lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst.yaml",
            "catalog/departments/sales/_department.yaml:5: positions[1]: no file sales-rep.yaml in this folder",
        ],
    ),
    case(
        "reserved-name-as-listed-position",
        mv(R, "departments/sales/con.yaml"),
        sub(D, "  - sales-rep", "  - con"),
        expect=[
            "catalog/departments/sales/_department.yaml:5: positions[1]: 'con' is a reserved file name on Windows (con, prn, aux, nul, com1–com9, lpt1–lpt9), so its page could not be saved there; choose another id",
        ],
    ),
    case(
        "reserved-name-as-unlisted-position-file",
        mv(R, "departments/sales/lpt1.yaml"),
        sub(D, "  - sales-rep\n", ""),
        expect=[
            "catalog/departments/sales/lpt1.yaml:1: 'lpt1' is a reserved file name on Windows (con, prn, aux, nul, com1–com9, lpt1–lpt9), so its page could not be saved there; choose another id",
        ],
    ),
    case(
        "reserved-name-as-department",
        mv("departments/sales", "departments/prn"),
        sub(C, "  - sales\n", "  - prn\n"),
        expect=[
            "catalog/company.yaml:17: departments[0]: 'prn' is a reserved file name on Windows (con, prn, aux, nul, com1–com9, lpt1–lpt9), so its page could not be saved there; choose another id",
        ],
    ),
    case(
        "reserved-name-as-competency",
        sub(V, "id: accuracy", "id: aux"),
        sub(M, "- accuracy", "- aux"),
        expect=[
            "catalog/vocabulary.yaml:11: competencies[1] (aux).id: 'aux' is a reserved file name on Windows (con, prn, aux, nul, com1–com9, lpt1–lpt9), so its page could not be saved there; choose another id",
        ],
    ),
    # effective_date: a real date
    case(
        "catalogue-date-not-in-the-calendar",
        sub(C, 'effective_date: "2026-12-01"', 'effective_date: "2026-13-45"'),
        expect=[
            "catalog/company.yaml:13: catalogue.effective_date: '2026-13-45' is not a date of the calendar (month must be in 1..12); write a real date as YYYY-MM-DD",
        ],
    ),
    case(
        "catalogue-date-unquoted-february-30",
        sub(C, 'effective_date: "2026-12-01"', "effective_date: 2026-02-30"),
        expect=[
            "catalog/company.yaml:13: catalogue.effective_date: '2026-02-30' is not a date of the calendar (day is out of range for month); write a real date as YYYY-MM-DD",
        ],
    ),
    case(
        "catalogue-date-with-fullwidth-digits",
        sub(C, 'effective_date: "2026-12-01"', 'effective_date: "２０２６-１２-０１"'),
        expect=[
            "catalog/company.yaml:13: catalogue.effective_date: expected a date written YYYY-MM-DD (e.g. 2026-12-01), got '２０２６-１２-０１'",
        ],
    ),
    case(
        "catalogue-date-with-final-line-break",
        sub(C, 'effective_date: "2026-12-01"', 'effective_date: "2026-12-01\\n"'),
        expect=[
            "catalog/company.yaml:13: catalogue.effective_date: expected a date written YYYY-MM-DD (e.g. 2026-12-01), got '2026-12-01⏎'",
        ],
    ),
    case(
        "version-date-not-in-the-calendar",
        sub(
            C,
            'effective_date: "2026-12-01"',
            'effective_date: "2026-12-01"\nversions:\n  - {version: "0.9", effective_date: "2025-02-29", revision: v0.9}',
        ),
        expect=[
            "catalog/company.yaml:15: versions[0].effective_date: '2025-02-29' is not a date of the calendar (day is out of range for month); write a real date as YYYY-MM-DD",
        ],
    ),
    # Values quoted in messages stay on one line and short
    case(
        "multi-line-value-in-a-message",
        sub(M, "weight: 60", 'weight: "六\\n十"'),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: expected a number, got '六⏎十'",
        ],
    ),
    case(
        "multi-line-label-in-a-path",
        sub(M, "name: 部门业绩", 'name: "部门\\r\\n业绩"'),
        sub(M, "weight: 60", "weight: 二十"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门⏎业绩).weight: expected a number, got '二十'",
        ],
    ),
    case(
        "multi-line-key",
        sub(M, "  客户类:", '  "客户\\n类":'),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:9: goals.客户⏎类: unknown goal category '客户⏎类' (did you mean '客户类'?); company.yaml lists 财务/业务拓展类, 客户类, 内部管理类, 学习与创新类",
        ],
    ),
    case(
        "invisible-characters-in-a-message",
        sub(M, "- teamwork", '- "team\\u202ework"'),
        sub(M, "weight: 60", 'weight: "\\t60"'),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: expected a number, got '\\t60'",
            "catalog/departments/sales/sales-manager.yaml:33: competencies.core[0]: 'team\\u202ework' is not a safe id: use lowercase ASCII letters, digits and single hyphens, e.g. fin-analyst",
        ],
    ),
    case(
        "long-value-is-cut",
        sub(M, "weight: 60", "weight: " + "很长" * 50),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: expected a number, got '很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很…'",
        ],
    ),
    case(
        "long-key-is-cut",
        sub(M, "  客户类:", "  " + "客" * 60 + ":"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:9: goals."
            + "客" * 39
            + "…: unknown goal category '"
            + "客" * 39
            + "…'; company.yaml lists 财务/业务拓展类, 客户类, 内部管理类, 学习与创新类",
        ],
    ),
    # Loader inputs that raised a traceback, or could
    case(
        "nul-byte",
        put(R, b"title: \x00\x00\nstatus: draft\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: the file holds the character U+0000, which YAML does not allow in a file; remove it",
        ],
    ),
    case(
        "nul-byte-after-chinese-text",
        put(R, "title: 销售部销售代表\nstatus: draft\nnotes: [销售\x00]\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:3: the file holds the character U+0000, which YAML does not allow in a file; remove it",
        ],
    ),
    case(
        "deeply-nested-flow",
        put(
            R,
            "title: 销售部销售代表\nstatus: draft\nnotes: " + "[" * 100_000 + "]" * 100_000 + "\n",
        ),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:3: nested more than 50 levels deep; a catalogue file nests a few levels",
        ],
    ),
    case(
        "nested-deeper-than-the-stack",
        put(R, "title: 销售部销售代表\nstatus: draft\nnotes: " + "[" * 700 + "]" * 700 + "\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:3: nested more than 50 levels deep; a catalogue file nests a few levels",
        ],
    ),
    case(
        "enormous-integer",
        sub(R, "source_line: 40", "source_line: 1" + "0" * 5000),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:2: source_line: number too large: '1000000000000000000…' (5001 characters); numbers in the catalogue are at most 9007199254740991",
        ],
    ),
    case(
        "integer-beyond-exact-arithmetic",
        sub(M, "value: 120", "value: 9007199254740993"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:23: kpis[0] (部门业绩).scale.tiers[0].value: number too large: '9007199254740993' (16 characters); numbers in the catalogue are at most 9007199254740991",
        ],
    ),
    case(
        "infinite-number",
        sub(M, "value: 120", "value: .inf"),
        expect=[
            "catalog/departments/sales/sales-manager.yaml:23: kpis[0] (部门业绩).scale.tiers[0].value: expected a finite number, got '.inf'",
        ],
    ),
    case(
        "position-file-is-an-empty-list",
        put(R, "[]\n"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:1: expected a mapping (key: value lines), got a list",
        ],
    ),
    case(
        "key-that-is-a-number",
        sub(R, "status: draft", "status: draft\n1: 2"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml:4: 1: unknown key '1'; allowed: title, title_inferred, source_title, source_line, status, notes, goals, monthly, kpis, weights_total_note, competencies",
        ],
    ),
    case(
        "anchor-key-that-is-not-a-rating",
        sub(
            V,
            "      1: 经常出错。",
            "      1: 经常出错。\n      '1\\n': 偶尔出错。\n      " + "9" * 12 + ": 从不出错。",
        ),
        expect=[
            "catalog/vocabulary.yaml:19: competencies[1] (accuracy).anchors.1\\n: key '1\\n' does not have the expected form (^[0-9]+$)",
            "catalog/vocabulary.yaml:20: competencies[1] (accuracy).anchors.999999999999: key must be at most 9 characters long, got 12",
        ],
    ),
    case(
        "folder-named-like-a-position-file",
        put("departments/sales/extra.yaml/readme.txt", "x"),
        expect=[
            "catalog/departments/sales/extra.yaml: is a folder, named like a position file; a position is a .yaml file (rename or remove the folder)",
        ],
    ),
    case(
        "listed-position-that-is-a-folder",
        rm(R),
        put("departments/sales/sales-rep.yaml/readme.txt", "x"),
        expect=[
            "catalog/departments/sales/sales-rep.yaml: is a folder, named like a position file; a position is a .yaml file (rename or remove the folder)",
        ],
    ),
]


@pytest.mark.parametrize("steps, expected", CASES)
def test_broken_catalogue_is_reported(mini, steps, expected):
    for step in steps:
        step(mini)
    with pytest.raises(CatalogError) as raised:
        load_catalog("catalog")
    assert [str(p) for p in raised.value.errors] == expected
