"""HR's messages about the catalogue's files in Chinese (catalog.py, errors.py, source/): the
exact Chinese of the common problems, through load_catalog and the check command; file:line,
field paths and quoted values as in English. tests/test_bad_input.py pins the English."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generator import CatalogError, load_catalog, messages
from generator.__main__ import main

M = "departments/sales/sales-manager.yaml"  # the published fixture position
R = "departments/sales/sales-rep.yaml"  # the draft fixture position
D = "departments/sales/_department.yaml"
V = "vocabulary.yaml"
C = "company.yaml"

WITH_LOGO = "  document: 公司岗位目标和考核指标文件\n  logo: logo.png"
WITH_FAVICON = "  document: 公司岗位目标和考核指标文件\n  favicon: icon.svg"


@pytest.fixture
def zh(monkeypatch):
    """Messages in Chinese, as for a company that works in Chinese (the default)."""
    monkeypatch.setenv("POSITION_STANDARDS_LANG", "zh")
    messages.set_language(None)
    yield
    messages.set_language(None)


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


def problems(steps, mini) -> list[str]:
    """Every problem (errors, warnings and notes) of the fixture catalogue after `steps`."""
    for step in steps:
        step(mini)
    try:
        return [str(p) for p in load_catalog("catalog").warnings]
    except CatalogError as exc:
        return [str(p) for p in exc.problems]


# The cases as a table, one case to a few lines, as in tests/test_bad_input.py.
# fmt: off
# source/yamlsrc.py: reading a file (encoding, YAML syntax, values)
YAML_CASES = [
    case("flow-sequence-not-closed", sub(M, "title: 销售部经理", "title: [销售部经理"), expect=[
        "catalog/departments/sales/sales-manager.yaml:2: YAML 语法错误：缺少应有的 ',' 或 ']'（读取方括号 [ ] 中的列表时，这部分从第 1 行开始）",
    ]),
    case("quote-not-closed", sub(M, 'target: "100%"', 'target: "100%'), expect=[
        "catalog/departments/sales/sales-manager.yaml:19: YAML 语法错误：这里应是注释或换行（读取以 | 或 > 开头的多行文本时）",
    ]),
    case("colon-in-a-value", sub(R, "status: draft", "status: draft: 待定"), expect=[
        "catalog/departments/sales/sales-rep.yaml:3: YAML 语法错误：这里不能写“键: 值”；请检查缩进，值中含有冒号时请给它加上引号",
    ]),
    case("value-starts-with-at", sub(R, "status: draft", "status: @draft"), expect=[
        "catalog/departments/sales/sales-rep.yaml:3: YAML 语法错误：值不能以这个字符开头（如 @、`、%）；请给这个值加上引号（读取下一项内容时）",
    ]),
    case("two-documents", put(R, "title: 销售代表\nstatus: draft\n---\ntitle: 又一个\n"), expect=[
        "catalog/departments/sales/sales-rep.yaml:3: YAML 语法错误：一个文件只能有一个 YAML 文档；请删除第二个 '---' 及其后的内容",
    ]),
    case("tab-indentation", sub(M, "    - teamwork", "\t- teamwork"), expect=[
        "catalog/departments/sales/sales-manager.yaml:33: 缩进中有制表符（Tab）；YAML 只能用空格缩进",
    ]),
    case("gbk-encoded", put(R, "title: 销售部销售代表\nstatus: draft\n".encode("gbk")), expect=[
        "catalog/departments/sales/sales-rep.yaml:1: 文件不是 UTF-8 文本（看起来是 GBK/GB18030 编码，一些 Windows 编辑器会这样保存）：无法读取字节 0xcf；请另存为 UTF-8",
    ]),
    case("byte-order-mark", put(R, b"\xef\xbb\xbf" + "title: 销售部销售代表\nstatus: draft\n".encode()), expect=[
        "catalog/departments/sales/sales-rep.yaml:1: 警告: 文件开头有 UTF-8 字节顺序标记（BOM）；已忽略，但请将文件另存为不带 BOM 的 UTF-8",
    ]),
    case("empty-file", put(R, ""), expect=[
        "catalog/departments/sales/sales-rep.yaml:1: 文件是空的",
    ]),
    case("only-null", put(R, "~\n"), expect=[
        "catalog/departments/sales/sales-rep.yaml:1: 文件是空的（只有 null）",
    ]),
    case("duplicate-key", sub(R, "status: draft", "status: draft\ntitle: 销售代表"), expect=[
        "catalog/departments/sales/sales-rep.yaml:4: title: 键重复（第一次出现在第 1 行）",
    ]),
    case("key-is-a-list", put(R, "title: 销售代表\nstatus: draft\n[a, b]: c\n"), expect=[
        "catalog/departments/sales/sales-rep.yaml:3: 键必须是普通文本，不能是列表或映射",
    ]),
    case("recursive-alias", put(R, "title: 销售代表\nstatus: draft\nnotes: &a [*a]\n"), expect=[
        "catalog/departments/sales/sales-rep.yaml:3: notes[0]: 别名引用了它自己（递归别名）",
    ]),
    case("python-tag", sub(R, "title: 销售部销售代表", "title: !!python/object/apply:os.system [ls]"), expect=[
        "catalog/departments/sales/sales-rep.yaml:1: title: 不支持 YAML 标签 '!!python/object/apply:os.system'；请写普通的值",
    ]),
    case("control-character", sub(R, "title: 销售部销售代表", 'title: "销售\\e代表"'), expect=[
        "catalog/departments/sales/sales-rep.yaml:1: title: 文本中有控制字符 U+001B，它不会是正常的文本（Excel 也不接受）；请删除它",
    ]),
    case("number-too-large", sub(M, "weight: 60", "weight: 99999999999999999999"), expect=[
        "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: 数字太大：'99999999999999999999'（20 个字符）；目录中的数字最大为 9007199254740991",
    ]),
    case("infinite-number", sub(M, "weight: 60", "weight: .inf"), expect=[
        "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: 应为有限的数字，实际为 '.inf'",
    ]),
]

# source/schema.py: a value against the file's JSON Schema
SCHEMA_CASES = [
    case("weight-is-chinese-text", sub(M, "weight: 60", "weight: 二十"), expect=[
        "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: 应为数字，实际为 '二十'",
    ]),
    case("weight-left-empty", sub(M, "weight: 60", "weight:"), expect=[
        "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: 应为数字，实际为 空值（什么也没填）",
    ]),
    case("weight-negative", sub(M, "weight: 60", "weight: -60"), expect=[
        "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: 必须大于 0，实际为 -60",
    ]),
    case("weight-over-100", sub(M, "weight: 60", "weight: 160"), expect=[
        "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: 不能大于 100，实际为 160",
    ]),
    case("missing-weight", sub(M, "    weight: 40\n", ""), expect=[
        "catalog/departments/sales/sales-manager.yaml:26: kpis[1] (客户满意度): 缺少必填的键 'weight'",
    ]),
    case("unknown-key-typo", sub(M, "weight: 40", "wieght: 40"), expect=[
        "catalog/departments/sales/sales-manager.yaml:27: kpis[1] (客户满意度).wieght: 未知的键 'wieght'（是不是 'weight'？）",
    ]),
    case("unknown-top-level-key", sub(R, "status: draft", "status: draft\nremark: 待定"), expect=[
        "catalog/departments/sales/sales-rep.yaml:4: remark: 未知的键 'remark'；可以用的键：title、title_inferred、source_title、source_line、status、notes、goals、monthly、kpis、weights_total_note、competencies",
    ]),
    case("status-not-allowed", sub(M, "status: published", "status: live"), expect=[
        "catalog/departments/sales/sales-manager.yaml:3: status: 应为以下之一：published、draft，实际为 'live'",
    ]),
    case("target-is-a-number", sub(M, 'target: "100%"', "target: 100"), expect=[
        'catalog/departments/sales/sales-manager.yaml:11: goals.客户类[0] (客户投诉问题处理).target: 应为文本，实际为 100（如要作为文本，请加上引号："100"）',
    ]),
    case("title-is-true", sub(R, "title: 销售部销售代表", "title: true"), expect=[
        'catalog/departments/sales/sales-rep.yaml:1: title: 应为文本，实际为 true（是/否值）（如要作为文本，请加上引号："True"）',
    ]),
    case("goal-empty", sub(M, "goal: 部门销售任务", 'goal: ""'), expect=[
        "catalog/departments/sales/sales-manager.yaml:6: goals.财务/业务拓展类[0].goal: 不能为空",
    ]),
    case("goals-not-a-list", sub(M, "  客户类:\n    - goal: 客户投诉问题处理\n      target: \"100%\"", "  客户类: 客户投诉问题处理"), expect=[
        "catalog/departments/sales/sales-manager.yaml:9: goals.客户类: 应为列表，实际为 '客户投诉问题处理'",
    ]),
    case("top-level-is-a-list", put(R, "- title: 销售代表\n- status: draft\n"), expect=[
        "catalog/departments/sales/sales-rep.yaml:1: 应为映射（若干“键: 值”行），实际为 列表",
    ]),
    case("threshold-is-text", sub(M, "value: 120,", "value: 百二,"), expect=[
        "catalog/departments/sales/sales-manager.yaml:23: kpis[0] (部门业绩).scale.tiers[0].value: 应为数字或空值，实际为 '百二'",
    ]),
    case("unsafe-id-in-department-list", sub(D, "  - sales-rep", "  - Sales_Rep"), expect=[
        "catalog/departments/sales/_department.yaml:5: positions[1]: 'Sales_Rep' 不能用作 id：只能用小写英文字母、数字和单个连字符，例如 fin-analyst",
    ]),
    case("id-too-long", sub(D, "  - sales-rep", "  - " + "a" * 70), expect=[
        "catalog/departments/sales/_department.yaml:5: positions[1]: 最多 64 个字符，实际有 70 个",
    ]),
    case("date-not-written-yyyy-mm-dd", sub(C, 'effective_date: "2026-12-01"', 'effective_date: "2026/12/01"'), expect=[
        "catalog/company.yaml:13: catalogue.effective_date: 应为 YYYY-MM-DD 格式的日期（例如 2026-12-01），实际为 '2026/12/01'",
    ]),
    case("scale-with-one-level", sub(C, "        - {label: 较满意, points: 4}\n        - {label: 一般, points: 3}\n        - {label: 不太满意, points: 2}\n        - {label: 非常不满, points: 1}\n", ""), expect=[
        "catalog/company.yaml:39: scoring.scales.satisfaction-5.levels: 至少要列出 2 项",
    ]),
    case("anchor-key-not-a-rating", sub(V, "      3: 偶有差错，能及时更正。\n", "      3: 偶有差错，能及时更正。\n      高: 很好\n"), expect=[
        "catalog/vocabulary.yaml:18: competencies[1] (accuracy).anchors.高: 键名：'高' 的格式不对（应符合 ^[0-9]+$）",
    ]),
]

# source/validate.py: what the schema cannot say (weights, references, dates, ...)
VALIDATE_CASES = [
    case("weights-do-not-add-up", sub(M, "weight: 60", "weight: 50"), expect=[
        "catalog/departments/sales/sales-manager.yaml:16: kpis: KPI 权重合计为 90，不是 100；请改正，如果原文本身就是这样，请在 weights_total_note 中说明原因",
    ]),
    case("weights-kept-as-in-the-source", sub(M, "weight: 60", "weight: 40"), sub(M, "competencies:", "weights_total_note: 原文合计 80\ncompetencies:"), expect=[
        "catalog/departments/sales/sales-manager.yaml:31: 提示: weights_total_note: KPI 权重合计为 80，不是 100（按原文保留：原文合计 80）",
    ]),
    case("weights-note-but-total-is-100", sub(M, "competencies:", "weights_total_note: 原文如此\ncompetencies:"), expect=[
        "catalog/departments/sales/sales-manager.yaml:31: weights_total_note: 权重合计已是 100；请删除 weights_total_note",
    ]),
    case("published-without-kpis", put(R, "title: 销售部销售代表\nstatus: published\n"), expect=[
        "catalog/departments/sales/sales-rep.yaml:2: status: 已发布（published）的岗位至少要有一个 KPI；编写期间请标为 `status: draft`",
    ]),
    case("goal-category-unknown", sub(M, "  客户类:", "  客户类别:"), expect=[
        "catalog/departments/sales/sales-manager.yaml:9: goals.客户类别: 未知的目标类别 '客户类别'（是不是 '客户类'？）；company.yaml 中列出的是：财务/业务拓展类、客户类、内部管理类、学习与创新类",
    ]),
    case("unknown-competency", sub(M, "- accuracy", "- acuracy"), expect=[
        "catalog/departments/sales/sales-manager.yaml:35: competencies.reference[0]: 未知的能力项 'acuracy'：vocabulary.yaml 中没有（是不是 'accuracy'？）",
    ]),
    case("ability-listed-as-attitude", sub(M, "    - efficient", "    - teamwork"), expect=[
        "catalog/departments/sales/sales-manager.yaml:37: competencies.attitude[0]: 'teamwork'（团队合作）是能力类的项；态度只能列态度类的项",
        "catalog/departments/sales/sales-manager.yaml:37: competencies.attitude[0]: 'teamwork' 列出了两次（核心能力中也有）",
    ]),
    case("unknown-named-scale", sub(M, "scale: satisfaction-5", "scale: satisfaction-7"), expect=[
        "catalog/departments/sales/sales-manager.yaml:29: kpis[1] (客户满意度).scale: 未知的评分表 'satisfaction-7'；company.yaml 的 scoring.scales 中定义了：satisfaction-5",
    ]),
    case("tier-points-out-of-range", sub(M, "points: 5}", "points: 7}"), expect=[
        "catalog/departments/sales/sales-manager.yaml:23: kpis[0] (部门业绩).scale.tiers[0].points: 7 超出了分值范围 1–5",
    ]),
    case("scale-without-standard", sub(M, '    standard: ">120%为5"\n', ""), expect=[
        "catalog/departments/sales/sales-manager.yaml:19: kpis[0] (部门业绩).scale: 评分表（scale）需要写上它所依据的 `standard` 原文",
    ]),
    case("vocabulary-duplicate-id", sub(V, "id: accuracy", "id: teamwork"), expect=[
        "catalog/vocabulary.yaml:11: competencies[1] (teamwork).id: id 'teamwork' 重复（第一次定义在第 2 行）",
        "catalog/departments/sales/sales-manager.yaml:35: competencies.reference[0]: 未知的能力项 'accuracy'：vocabulary.yaml 中没有",
    ]),
    case("source-spelling-twice", sub(V, "kind: 能力\n    definition: 工作结果", "kind: 能力\n    seed: [团合作]\n    definition: 工作结果"), expect=[
        "catalog/vocabulary.yaml:14: competencies[1] (accuracy).seed: 原文写法 '团合作' 已经列在 'teamwork' 下",
    ]),
    case("anchor-missing", sub(V, "      3: 偶有差错，能及时更正。\n", ""), expect=[
        "catalog/vocabulary.yaml:15: competencies[1] (accuracy).anchors: 需要为评分 5、3、1 写行为描述（anchors）；缺少 3",
    ]),
    case("anchor-out-of-range", sub(V, "      3: 偶有差错，能及时更正。\n", "      3: 偶有差错，能及时更正。\n      7: 很好\n"), expect=[
        "catalog/vocabulary.yaml:18: competencies[1] (accuracy).anchors.7: 评分 7 超出了分值范围 1–5",
    ]),
    case("date-not-in-the-calendar", sub(C, 'effective_date: "2026-12-01"', 'effective_date: "2026-02-30"'), expect=[
        "catalog/company.yaml:13: catalogue.effective_date: '2026-02-30' 不是真实存在的日期（这个月没有这一天）；请按 YYYY-MM-DD 写一个真实的日期",
    ]),
    case("month-13", sub(C, 'effective_date: "2026-12-01"', 'effective_date: "2026-13-01"'), expect=[
        "catalog/company.yaml:13: catalogue.effective_date: '2026-13-01' 不是真实存在的日期（月份必须在 1 到 12 之间）；请按 YYYY-MM-DD 写一个真实的日期",
    ]),
    case("points-min-above-max", sub(C, "points: {min: 1, max: 5}", "points: {min: 5, max: 1}"), expect=[
        "catalog/company.yaml:33: scoring.points: min（5）必须小于 max（1）",
    ]),
    case("grades-out-of-order", sub(C, "{name: 优秀, min: 90}", "{name: 优秀, min: 70}"), expect=[
        "catalog/company.yaml:64: scoring.grades: grades 必须按 `min` 从高到低排列，且每个 `min` 都不相同",
    ]),
    case("lowest-grade-above-0", sub(C, "{name: 不合格, min: 0}", "{name: 不合格, min: 10}"), expect=[
        "catalog/company.yaml:69: scoring.grades[4] (不合格).min: 最低一档等级的 min 必须为 0，这样每个结果都有等级；实际为 10",
    ]),
    case("combination-all-0", sub(C, "kpi: 70\n    ability: 30", "kpi: 0\n    ability: 0"), expect=[
        "catalog/company.yaml:55: scoring.combination: 权重不能全部为 0",
    ]),
    case("version-listed-twice", sub(C, "# Department folders", 'versions:\n  - {version: "1.0", effective_date: "2025-01-01", revision: 首版}\n\n# Department folders'), expect=[
        "catalog/company.yaml:16: versions[0].version: 版本 '1.0' 已经列出过（catalogue.version）",
    ]),
    case("windows-reserved-id", sub(C, "  - sales\n", "  - sales\n  - con\n"), expect=[
        "catalog/company.yaml:18: departments[1]: 'con' 是 Windows 保留的文件名（con、prn、aux、nul、com1–com9、lpt1–lpt9），它的页面无法在 Windows 上保存；请换一个 id",
    ]),
]

# source/pictures.py: the company's logo and favicon
PICTURE_CASES = [
    case("logo-not-the-kind-it-says", sub(C, "  document: 公司岗位目标和考核指标文件", WITH_LOGO), put("logo.png", "not a png"), expect=[
        "catalog/company.yaml:10: company.logo: 'logo.png' 不是 PNG 文件",
    ]),
    case("logo-missing", sub(C, "  document: 公司岗位目标和考核指标文件", WITH_LOGO), expect=[
        "catalog/company.yaml:10: company.logo: 无法读取目录文件夹中的 'logo.png'（文件或文件夹不存在）",
    ]),
    case("logo-too-large", sub(C, "  document: 公司岗位目标和考核指标文件", WITH_LOGO), put("logo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 1024 * 1024), expect=[
        "catalog/company.yaml:10: company.logo: 'logo.png' 超过了 1024 KiB",
    ]),
    case("favicon-svg-with-a-script", sub(C, "  document: 公司岗位目标和考核指标文件", WITH_FAVICON), put("icon.svg", "<svg><script>alert(1)</script></svg>"), expect=[
        "catalog/company.yaml:10: company.favicon: 'icon.svg'：SVG 图片中不能有脚本、事件处理属性、javascript: 链接、嵌入的 HTML 或实体声明",
    ]),
    case("favicon-not-svg", sub(C, "  document: 公司岗位目标和考核指标文件", WITH_FAVICON), put("icon.svg", "<html></html>"), expect=[
        "catalog/company.yaml:10: company.favicon: 'icon.svg' 不是 SVG 图片",
    ]),
]

# catalog.py: the catalogue's folders and files, and the search dictionary
CATALOG_CASES = [
    case("not-a-catalogue", rm(C), expect=[
        "catalog: 不是目录：这个文件夹中没有 company.yaml",
    ]),
    case("department-file-missing", rm(D), expect=[
        "catalog/departments/sales/_department.yaml: 缺少文件：目录在这里需要部门文件",
    ]),
    case("vocabulary-file-missing", rm(V), expect=[
        "catalog/vocabulary.yaml: 缺少文件：目录在这里需要能力词典文件",
    ]),
    case("duplicate-position-id-across-departments",
         sub(C, "  - sales\n", "  - sales\n  - other\n"),
         put("departments/other/_department.yaml", "name: 其他部\npositions:\n  - sales-manager\n"),
         put("departments/other/sales-manager.yaml", "title: 其他经理\nstatus: draft\n"), expect=[
        "catalog/departments/other/sales-manager.yaml:1: 岗位 id 'sales-manager' 重复：catalog/departments/sales/sales-manager.yaml 的文件名与它相同",
    ]),
    case("unsafe-position-file-name", mv(R, "departments/sales/Sales Rep.yaml"), expect=[
        "catalog/departments/sales/Sales Rep.yaml:1: 'Sales Rep' 不能用作岗位 id：文件名只能用小写英文字母、数字和单个连字符，例如 fin-analyst.yaml",
        "catalog/departments/sales/_department.yaml:5: positions[1]: 这个文件夹中没有文件 sales-rep.yaml",
    ]),
    case("position-file-not-listed", put("departments/sales/sales-intern.yaml", "title: 实习生\nstatus: draft\n"), expect=[
        "catalog/departments/sales/sales-intern.yaml:1: 这个岗位没有列在 _department.yaml 的 `positions` 中",
    ]),
    case("listed-position-misspelt", sub(D, "  - sales-rep", "  - sales-rap"), expect=[
        "catalog/departments/sales/sales-rep.yaml:1: 这个岗位没有列在 _department.yaml 的 `positions` 中",
        "catalog/departments/sales/_department.yaml:5: positions[1]: 这个文件夹中没有文件 sales-rap.yaml（是不是 'sales-rep'？）",
    ]),
    case("position-listed-twice", sub(D, "  - sales-rep", "  - sales-rep\n  - sales-rep"), expect=[
        "catalog/departments/sales/_department.yaml:6: positions[2]: 岗位 'sales-rep' 列出了两次",
    ]),
    case("yml-extension", mv(R, "departments/sales/sales-rep.yml"), expect=[
        "catalog/departments/sales/sales-rep.yml: 岗位文件的扩展名应为 .yaml；请重命名",
        "catalog/departments/sales/_department.yaml:5: positions[1]: 这个文件夹中没有文件 sales-rep.yaml",
    ]),
    case("folder-named-like-a-position", lambda cat: cat.path("departments/sales/extra.yaml").mkdir(), expect=[
        "catalog/departments/sales/extra.yaml: 是一个文件夹，名字却像岗位文件；岗位应是 .yaml 文件（请重命名或删除这个文件夹）",
    ]),
    case("department-folder-not-listed", put("departments/extra/_department.yaml", "name: 额外部\npositions: []\n"), expect=[
        "catalog/departments/extra: 这个部门文件夹没有列在 company.yaml 的 `departments` 中",
    ]),
    case("listed-department-without-folder", sub(C, "  - sales\n", "  - sales\n  - legal\n"), expect=[
        "catalog/company.yaml:18: departments[1]: 这个部门没有对应的文件夹 departments/legal/",
    ]),
    case("department-listed-twice", sub(C, "  - sales\n", "  - sales\n  - sales\n"), expect=[
        "catalog/company.yaml:18: departments[1]: 部门 'sales' 列出了两次",
    ]),
    case("search-dictionary-lines", put("search-dictionary.txt", "掉线率 20000 n\n掉线率\t20000\n掉线率 N 1\n掉线率 1234567890\n掉\u200b线率\n"), expect=[
        "catalog/search-dictionary.txt:2: 这一行有制表符（Tab）；词、词频和词性之间请各用一个空格分隔",
        "catalog/search-dictionary.txt:3: 格式应为 '词 [词频] [词性]'，之间各用一个空格，例如 '掉线率 20000 n'（词性用小写字母），实际为 '掉线率 N 1'",
        "catalog/search-dictionary.txt:4: 词频 '1234567890' 太大：最多 9 位数字",
        "catalog/search-dictionary.txt:5: 这一行有不可见字符 U+200B；请删除它（否则 jieba 无法使用这一行）",
    ]),
]

# fmt: on


@pytest.mark.parametrize("steps, expected", YAML_CASES)
def test_reading_a_file_is_said_in_chinese(zh, mini, steps, expected):
    assert problems(steps, mini) == expected


@pytest.mark.parametrize("steps, expected", SCHEMA_CASES)
def test_a_value_against_the_schema_is_said_in_chinese(zh, mini, steps, expected):
    assert problems(steps, mini) == expected


@pytest.mark.parametrize("steps, expected", VALIDATE_CASES)
def test_the_checks_beyond_the_schema_are_said_in_chinese(zh, mini, steps, expected):
    assert problems(steps, mini) == expected


@pytest.mark.parametrize("steps, expected", PICTURE_CASES)
def test_the_company_pictures_are_said_in_chinese(zh, mini, steps, expected):
    assert problems(steps, mini) == expected


@pytest.mark.parametrize("steps, expected", CATALOG_CASES)
def test_the_catalogue_folders_are_said_in_chinese(zh, mini, steps, expected):
    assert problems(steps, mini) == expected


def test_the_error_summary_is_in_chinese(zh, mini):
    mini.replace(M, "weight: 60", "weight: 二十")
    mini.replace(M, "- accuracy", "- acuracy")
    with pytest.raises(CatalogError) as raised:
        load_catalog("catalog")
    assert str(raised.value).splitlines() == [
        "目录中有 2 处错误：",
        "catalog/departments/sales/sales-manager.yaml:18: kpis[0] (部门业绩).weight: 应为数字，实际为 '二十'",
        "catalog/departments/sales/sales-manager.yaml:35: competencies.reference[0]: 未知的能力项 'acuracy'：vocabulary.yaml 中没有（是不是 'accuracy'？）",
    ]


def test_check_says_the_problems_in_chinese_with_lang_zh(mini, capsys):
    mini.replace(M, "weight: 40", "wieght: 40")
    mini.write(R, b"\xef\xbb\xbf" + mini.path(R).read_bytes())
    try:
        assert main(["check", "--lang", "zh"]) == 1
    finally:
        messages.set_language(None)
    # the last line, how many errors stopped the command, is the command's own
    assert capsys.readouterr().err.splitlines()[:-1] == [
        "catalog/departments/sales/sales-manager.yaml:27: kpis[1] (客户满意度).wieght: 未知的键 'wieght'（是不是 'weight'？）",
        "catalog/departments/sales/sales-rep.yaml:1: 警告: 文件开头有 UTF-8 字节顺序标记（BOM）；已忽略，但请将文件另存为不带 BOM 的 UTF-8",
    ]


def test_check_says_a_note_in_chinese(zh, mini, capsys):
    mini.replace(M, "weight: 60", "weight: 40")
    mini.replace(M, "competencies:", "weights_total_note: 原文合计 80\ncompetencies:")
    assert main(["check"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "catalog/departments/sales/sales-manager.yaml:31: 提示: weights_total_note: KPI 权重合计为 80，不是 100（按原文保留：原文合计 80）",
    ]


def test_lang_en_asks_for_english_whatever_the_environment(zh, mini, capsys):
    mini.replace(M, "weight: 40", "wieght: 40")
    try:
        assert main(["check", "--lang", "en"]) == 1
    finally:
        messages.set_language(None)
    assert capsys.readouterr().err.splitlines() == [
        "catalog/departments/sales/sales-manager.yaml:27: kpis[1] (客户满意度).wieght: unknown key 'wieght' (did you mean 'weight'?)",
        "1 error(s); nothing was written.",
    ]


def test_the_messages_are_chinese_unless_asked_otherwise(mini):
    mini.replace(M, "  客户类:", "  客户类别:")
    environment = {
        k: v for k, v in os.environ.items() if k not in ("POSITION_STANDARDS_LANG", "LANGUAGE")
    }
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "catalog/departments/sales/sales-manager.yaml:9: goals.客户类别: 未知的目标类别 '客户类别'（是不是 '客户类'？）；company.yaml 中列出的是：财务/业务拓展类、客户类、内部管理类、学习与创新类"
    )
