"""Chinese of the messages of catalog.py, errors.py and source/ (reading and checking the files):
English template -> Chinese template, with the same placeholders."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # errors.py: the level of a problem, the summary, lists in a message
    "warning: ": "警告: ",
    "note: ": "提示: ",
    "{count} error(s) in the catalogue:": "目录中有 {count} 处错误：",
    ", ": "、",
    # catalog.py: the catalogue's folders and files
    "not a catalogue: a file, not a folder": "不是目录：这是一个文件，不是文件夹",
    "not a catalogue: no {file} in this folder": "不是目录：这个文件夹中没有 {file}",
    "company file": "公司设置文件",
    "vocabulary file": "能力词典文件",
    "department file": "部门文件",
    "position file": "岗位文件",
    "search dictionary file": "搜索词典文件",
    "missing file: a catalogue needs its {file} here": "缺少文件：目录在这里需要{file}",
    "is a folder; a catalogue needs its {file} here": "是一个文件夹；目录在这里需要的是{file}",
    "is a link to a file that does not exist": "是一个指向不存在文件的链接",
    "is a link that cannot be followed (a loop?); the catalogue reads only its own files": (
        "是一个无法打开的链接（可能是循环链接）；目录只读取自己的文件"
    ),
    "is a link that cannot be followed (a loop?); the catalogue reads only its own folders": (
        "是一个无法打开的链接（可能是循环链接）；目录只读取自己的文件夹"
    ),
    "is a link to a file outside the catalogue folder; it was not read (put the file itself "
    "into the catalogue)": "是指向目录文件夹以外文件的链接，未读取（请把文件本身放进目录）",
    "is a link to a folder outside the catalogue folder; it was not read (put the folder "
    "itself into the catalogue)": "是指向目录文件夹以外文件夹的链接，未读取（请把文件夹本身放进目录）",
    "cannot be read: {reason}": "无法读取：{reason}",
    "cannot be read: permission denied": "无法读取：没有权限",
    "cannot be read: permission denied (let the account that runs the check read it)": (
        "无法读取：没有权限（请让运行检查的账户能读取它）"
    ),
    "is not a regular file (a pipe, device or socket); a catalogue file is plain text": (
        "不是普通文件（而是管道、设备或套接字）；目录文件应是纯文本文件"
    ),
    "is not a regular file; a catalogue file is plain text": "不是普通文件；目录文件应是纯文本文件",
    "file is {size}; a catalogue file is at most {limit}, so it was not read": (
        "文件大小为 {size}；目录文件最大 {limit}，因此未读取"
    ),
    "file is over {limit}; a catalogue file is at most that, so it was not read": (
        "文件超过 {limit}；目录文件最大只能这么大，因此未读取"
    ),
    "is a file; the catalogue needs a folder here": "是一个文件；目录在这里需要的是文件夹",
    "department folder is not listed in {file} `departments`": (
        "这个部门文件夹没有列在 {file} 的 `departments` 中"
    ),
    "department '{id}' is listed twice": "部门 '{id}' 列出了两次",
    "no folder {folder}/ for this department{hint}": "这个部门没有对应的文件夹 {folder}/{hint}",
    "position files end in .yaml; rename it": "岗位文件的扩展名应为 .yaml；请重命名",
    "is a folder, named like a position file; a position is a .yaml file (rename or remove the "
    "folder)": "是一个文件夹，名字却像岗位文件；岗位应是 .yaml 文件（请重命名或删除这个文件夹）",
    "{id} is not a safe position id: name the file with lowercase ASCII letters, digits and "
    "single hyphens, e.g. fin-analyst.yaml": (
        "{id} 不能用作岗位 id：文件名只能用小写英文字母、数字和单个连字符，例如 fin-analyst.yaml"
    ),
    "position is not listed in {file} `positions`": "这个岗位没有列在 {file} 的 `positions` 中",
    "position '{id}' is listed twice": "岗位 '{id}' 列出了两次",
    "no file {id}.yaml in this folder{hint}": "这个文件夹中没有文件 {id}.yaml{hint}",
    "duplicate position id '{id}': {other} has the same file name": (
        "岗位 id '{id}' 重复：{other} 的文件名与它相同"
    ),
    # catalog.py: the search dictionary (jieba's user dictionary)
    "the line holds a tab; separate word, frequency and tag with single spaces": (
        "这一行有制表符（Tab）；词、词频和词性之间请各用一个空格分隔"
    ),
    "the line holds the invisible character U+{code}; remove it (jieba cannot use the line)": (
        "这一行有不可见字符 U+{code}；请删除它（否则 jieba 无法使用这一行）"
    ),
    "expected 'word [frequency] [tag]' with single spaces between, e.g. '掉线率 20000 n' (a "
    "lowercase tag), got {line}": (
        "格式应为 '词 [词频] [词性]'，之间各用一个空格，例如 '掉线率 20000 n'（词性用小写字母），"
        "实际为 {line}"
    ),
    "frequency {value} is too large: at most {digits} digits": (
        "词频 {value} 太大：最多 {digits} 位数字"
    ),
    # source/yamlsrc.py: reading a file
    "file starts with a UTF-8 byte order mark (BOM); it was ignored, but save the file as UTF-8 "
    "without BOM": "文件开头有 UTF-8 字节顺序标记（BOM）；已忽略，但请将文件另存为不带 BOM 的 UTF-8",
    " (it looks like {encoding}, as some Windows editors save)": (
        "（看起来是 {encoding} 编码，一些 Windows 编辑器会这样保存）"
    ),
    "file is not UTF-8 text{guess}: byte 0x{byte} cannot be read; save it as UTF-8": (
        "文件不是 UTF-8 文本{guess}：无法读取字节 0x{byte}；请另存为 UTF-8"
    ),
    "tab character in indentation; YAML indents with spaces only": (
        "缩进中有制表符（Tab）；YAML 只能用空格缩进"
    ),
    "the file holds the character U+{code}, which YAML does not allow in a file; remove it": (
        "文件中有字符 U+{code}，YAML 文件中不允许出现这个字符；请删除它"
    ),
    "nested more than {depth} levels deep; a catalogue file nests a few levels": (
        "嵌套超过 {depth} 层；目录文件只需嵌套几层"
    ),
    "file is empty": "文件是空的",
    "file is empty (it holds only null)": "文件是空的（只有 null）",
    "YAML syntax error: {detail}": "YAML 语法错误：{detail}",
    "invalid YAML": "不是有效的 YAML",
    "a file holds one YAML document; remove the second '---' and what follows": (
        "一个文件只能有一个 YAML 文档；请删除第二个 '---' 及其后的内容"
    ),
    "{problem} ({context}{where})": "{problem}（{context}{where}）",
    " started on line {line}": "，这部分从第 {line} 行开始",
    # source/yamlsrc.py: libyaml's words for a syntax error (the problem, then the context)
    "did not find expected ',' or ']'": "缺少应有的 ',' 或 ']'",
    "did not find expected ',' or '}}'": "缺少应有的 ',' 或 '}}'",
    "did not find expected key": "这里应是一个键，请检查缩进是否对齐",
    "did not find expected '-' indicator": "这里应是以 '-' 开头的列表项，请检查缩进是否对齐",
    "did not find expected node content": "这里缺少应有的值",
    "did not find expected comment or line break": "这里应是注释或换行",
    "did not find expected alphabetic or numeric character": "这里缺少应有的字母或数字",
    "did not find expected <document start>": "缺少应有的文档开头 ---",
    "could not find expected ':'": "缺少应有的 ':'",
    "mapping values are not allowed in this context": (
        "这里不能写“键: 值”；请检查缩进，值中含有冒号时请给它加上引号"
    ),
    "found character that cannot start any token": (
        "值不能以这个字符开头（如 @、`、%）；请给这个值加上引号"
    ),
    "found unexpected end of stream": "文件意外结束",
    "found unknown escape character": "\\ 后面是无法识别的转义字符",
    "found undefined tag handle": "出现了未定义的 ! 标签前缀",
    "found a tab character that violates indentation": "制表符（Tab）破坏了缩进；请用空格缩进",
    "while parsing a flow sequence": "读取方括号 [ ] 中的列表时",
    "while parsing a flow mapping": "读取花括号 {{ }} 中的映射时",
    "while parsing a block mapping": "读取“键: 值”各行时",
    "while parsing a block collection": "读取以 '-' 开头的列表时",
    "while parsing a block node": "读取一个值时",
    "while parsing a flow node": "读取括号中的一个值时",
    "while parsing a node": "读取一个值时",
    "while parsing a quoted scalar": "读取引号中的文本时",
    "while scanning a quoted scalar": "读取引号中的文本时",
    "while scanning a block scalar": "读取以 | 或 > 开头的多行文本时",
    "while scanning a plain scalar": "读取文本时",
    "while scanning a simple key": "读取键时",
    "while scanning an anchor": "读取锚点 & 时",
    "while scanning an alias": "读取别名 * 时",
    "while scanning a tag": "读取标签 ! 时",
    "while scanning for the next token": "读取下一项内容时",
    # source/yamlsrc.py: the values of a file
    "aliases expand to over {limit} values; write the values out instead": (
        "别名展开后超过 {limit} 个值；请直接写出这些值"
    ),
    "unsupported YAML tag '{tag}'; write plain values": "不支持 YAML 标签 '{tag}'；请写普通的值",
    "recursive alias": "别名引用了它自己（递归别名）",
    "a key must be plain text, not a list or mapping": "键必须是普通文本，不能是列表或映射",
    "duplicate key (first given on line {line})": "键重复（第一次出现在第 {line} 行）",
    "cannot read value {value}: {detail}": "无法读取值 {value}：{detail}",
    "text holds the control character U+{code}, which is never meant as text (and Excel "
    "refuses it); remove it": "文本中有控制字符 U+{code}，它不会是正常的文本（Excel 也不接受）；请删除它",
    "expected a finite number, got {value}": "应为有限的数字，实际为 {value}",
    "number too large: {value} ({length} characters); numbers in the catalogue are at most "
    "{limit}": "数字太大：{value}（{length} 个字符）；目录中的数字最大为 {limit}",
    # source/schema.py: what a value should be (text, a number, ... are shared with scoring/)
    "text": "文本",
    "a number": "数字",
    "a whole number": "整数",
    "a mapping (key: value lines)": "映射（若干“键: 值”行）",
    "a list": "列表",
    "nothing": "空值",
    "true or false": "是/否值（true 或 false）",
    "{first} or {second}": "{first}或{second}",
    "nothing (an empty value)": "空值（什么也没填）",
    "{value} (true/false)": "{value}（是/否值）",
    "a mapping": "映射",
    "expected {wanted}, got {value}{hint}": "应为{wanted}，实际为 {value}{hint}",
    ' (put it in quotes to keep it as text: "{value}")': '（如要作为文本，请加上引号："{value}"）',
    "expected one of {choices}, got {value}": "应为以下之一：{choices}，实际为 {value}",
    "{value} is not a safe id: use lowercase ASCII letters, digits and single hyphens, e.g. "
    "fin-analyst": "{value} 不能用作 id：只能用小写英文字母、数字和单个连字符，例如 fin-analyst",
    "expected a date written YYYY-MM-DD (e.g. 2026-12-01), got {value}": (
        "应为 YYYY-MM-DD 格式的日期（例如 2026-12-01），实际为 {value}"
    ),
    "{value} does not have the expected form ({pattern})": "{value} 的格式不对（应符合 {pattern}）",
    "must be more than {limit}, got {value}": "必须大于 {limit}，实际为 {value}",
    "must be at least {limit}, got {value}": "不能小于 {limit}，实际为 {value}",
    "must be at most {limit}, got {value}": "不能大于 {limit}，实际为 {value}",
    "must not be empty": "不能为空",
    "must be at most {limit} characters long, got {length}": (
        "最多 {limit} 个字符，实际有 {length} 个"
    ),
    "must be at most {limit} characters long": "最多 {limit} 个字符",
    "must list at least {count} item(s)": "至少要列出 {count} 项",
    "{{}} should be non-empty": "不能为空（至少要写一项）",
    "key {problem}": "键名：{problem}",
    "unknown key {key}{hint}": "未知的键 {key}{hint}",
    "; allowed: {keys}": "；可以用的键：{keys}",
    "missing required key '{key}'": "缺少必填的键 '{key}'",
    # source/validate.py: company.yaml
    " (did you mean {choice}?)": "（是不是 {choice}？）",
    "'{name}' is a reserved file name on Windows (con, prn, aux, nul, com1–com9, lpt1–lpt9), so "
    "its page could not be saved there; choose another id": (
        "'{name}' 是 Windows 保留的文件名（con、prn、aux、nul、com1–com9、lpt1–lpt9），"
        "它的页面无法在 Windows 上保存；请换一个 id"
    ),
    "{value} is not a date of the calendar ({reason}); write a real date as YYYY-MM-DD": (
        "{value} 不是真实存在的日期（{reason}）；请按 YYYY-MM-DD 写一个真实的日期"
    ),
    "month must be in 1..12": "月份必须在 1 到 12 之间",
    "day is out of range for month": "这个月没有这一天",
    "year 0 is out of range": "没有 0 年",
    "min ({low}) must be below max ({high})": "min（{low}）必须小于 max（{high}）",
    "the weights must not all be 0": "权重不能全部为 0",
    "duplicate goal category {name}": "目标类别 {name} 重复",
    "{points} is outside the point scale {low}–{high}": "{points} 超出了分值范围 {low}–{high}",
    "grades must be listed from the highest `min` down, each `min` different": (
        "grades 必须按 `min` 从高到低排列，且每个 `min` 都不相同"
    ),
    "the lowest grade must start at 0 so every result gets a grade, got {min}": (
        "最低一档等级的 min 必须为 0，这样每个结果都有等级；实际为 {min}"
    ),
    "version {version} is already listed ({where})": "版本 {version} 已经列出过（{where}）",
    "versions must be listed oldest first, each effective before the next and before "
    "catalogue.effective_date": (
        "versions 必须从最早的版本开始排列：每个版本的生效日期都早于下一个版本，"
        "也早于 catalogue.effective_date"
    ),
    # source/validate.py: vocabulary.yaml
    "duplicate id '{id}' (first defined on line {line})": "id '{id}' 重复（第一次定义在第 {line} 行）",
    "source spelling {seed} is already listed under '{id}'": "原文写法 {seed} 已经列在 '{id}' 下",
    "rating {rating} is outside the point scale {low}–{high}": (
        "评分 {rating} 超出了分值范围 {low}–{high}"
    ),
    "needs anchors for ratings {needed}; missing {missing}": (
        "需要为评分 {needed} 写行为描述（anchors）；缺少 {missing}"
    ),
    # source/validate.py: position files
    "unknown goal category {category}{hint}; company.yaml lists {categories}": (
        "未知的目标类别 {category}{hint}；company.yaml 中列出的是：{categories}"
    ),
    "a published position needs at least one KPI; mark it `status: draft` while it is being "
    "written": "已发布（published）的岗位至少要有一个 KPI；编写期间请标为 `status: draft`",
    "KPI weights add to {total}, not {expected}; correct them, or if the source itself differs "
    "say why in weights_total_note": (
        "KPI 权重合计为 {total}，不是 {expected}；请改正，如果原文本身就是这样，"
        "请在 weights_total_note 中说明原因"
    ),
    "KPI weights add to {total}, not {expected} (kept as in the source: {note})": (
        "KPI 权重合计为 {total}，不是 {expected}（按原文保留：{note}）"
    ),
    "weights add to {expected}; remove weights_total_note": (
        "权重合计已是 {expected}；请删除 weights_total_note"
    ),
    "unknown scale {scale}{hint}; company.yaml scoring.scales defines: {known}": (
        "未知的评分表 {scale}{hint}；company.yaml 的 scoring.scales 中定义了：{known}"
    ),
    "unknown scale {scale}; company.yaml scoring.scales defines: none": (
        "未知的评分表 {scale}；company.yaml 的 scoring.scales 中没有定义任何评分表"
    ),
    "a scale needs the `standard` text it was read from": (
        "评分表（scale）需要写上它所依据的 `standard` 原文"
    ),
    "unknown competency {id}: not in vocabulary.yaml{hint}": (
        "未知的能力项 {id}：vocabulary.yaml 中没有{hint}"
    ),
    "'{id}' ({name}) is a {kind} item; {group} takes {wanted} items": (
        "'{id}'（{name}）是{kind}类的项；{group}只能列{wanted}类的项"
    ),
    "'{id}' is listed twice (also in {group})": "'{id}' 列出了两次（{group}中也有）",
    # source/validate.py: a competency's slot and spelling on the source's form
    "slot {slot} is the slot after the previous item's anyway; write `slot` only where the slot "
    "before it is empty": "第 {slot} 格本来就是上一项的下一格；只有前一格空着时才需要写 `slot`",
    "slot {slot} is not after slot {previous} of the item before it; list the items in the order "
    "of their slots": "第 {slot} 格不在上一项所在的第 {previous} 格之后；请按格子的顺序列出各项",
    "source spelling {seed} is not one of the spellings of '{id}' ({name}) in vocabulary.yaml: "
    "{spellings}": "原文写法 {seed} 不是 vocabulary.yaml 中 '{id}'（{name}）的原文写法之一：{spellings}",
    "source spelling {seed}: '{id}' ({name}) has no `seed` spellings in vocabulary.yaml; add it "
    "there": "原文写法 {seed}：vocabulary.yaml 中 '{id}'（{name}）没有 `seed` 原文写法；请在那里加上",
    # source/pictures.py: the company's logo and favicon
    "cannot read {name} in the catalogue folder ({reason})": (
        "无法读取目录文件夹中的 {name}（{reason}）"
    ),
    "{name} leads out of the catalogue folder; copy the picture into it": (
        "{name} 指向目录文件夹以外；请把图片复制到目录文件夹中"
    ),
    "{name} is not a file": "{name} 不是文件",
    "{name} is larger than {limit} KiB": "{name} 超过了 {limit} KiB",
    "{name} is not an SVG picture": "{name} 不是 SVG 图片",
    "{name}: an SVG picture may not hold scripts, event handlers, javascript: links, embedded "
    "HTML or entity declarations": (
        "{name}：SVG 图片中不能有脚本、事件处理属性、javascript: 链接、嵌入的 HTML 或实体声明"
    ),
    "{name} is not a {kind} file": "{name} 不是 {kind} 文件",
}
