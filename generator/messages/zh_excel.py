"""Chinese of the messages of excel/, scales.py, numbers.py and the import command (the Excel
round trip): English template -> Chinese template, with the same placeholders."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # excel/package.py: the file itself
    "a folder, not a workbook file": "这是一个文件夹，不是工作簿文件",
    "no such file": "文件不存在",
    "cannot read the file: {reason}": "无法读取文件：{reason}",
    "the file has {size:,} bytes, more than the limit of {limit:,} ({mib:g} MiB) for a workbook": (
        "文件有 {size:,} 字节，超过了工作簿 {limit:,} 字节（{mib:g} MiB）的大小上限"
    ),
    "the file has more bytes than the limit of {limit:,} ({mib:g} MiB) for a workbook": (
        "文件超过了工作簿 {limit:,} 字节（{mib:g} MiB）的大小上限"
    ),
    "an old .xls workbook, or one with a password; save it in Excel as Excel 工作簿 (*.xlsx), "
    "without a password": (
        "这是旧版 .xls 工作簿，或设置了密码的工作簿；请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”，"
        "不要设置密码"
    ),
    "not an .xlsx workbook (the file is not a zip archive); save it in Excel as Excel 工作簿 "
    "(*.xlsx)": "不是 .xlsx 工作簿（文件不是 zip 压缩包）；请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”",
    "cannot read the workbook: it holds {count:,} files, more than the limit of {limit:,}; "
    "export a fresh workbook": (
        "无法读取工作簿：其中包含 {count:,} 个文件，超过了 {limit:,} 个的上限；请重新导出一份工作簿"
    ),
    "cannot read the workbook: its parts unpack to {total:,} bytes, more than the limit of "
    "{limit:,} ({mib:g} MiB); export a fresh workbook": (
        "无法读取工作簿：其内容解压后共 {total:,} 字节，超过了 {limit:,} 字节（{mib:g} MiB）的上限；"
        "请重新导出一份工作簿"
    ),
    "cannot read the workbook: its parts are encrypted; save it in Excel without a password": (
        "无法读取工作簿：其内容已加密；请在 Excel 中去掉密码后重新保存"
    ),
    "{part} unpacks to more than {ratio} times its packed size, the limit for a part; export a "
    "fresh workbook": (
        "{part} 解压后超过压缩后大小的 {ratio} 倍，超出了单个部分的上限；请重新导出一份工作簿"
    ),
    "the sheet declares XML entities (<!DOCTYPE>), which no .xlsx does; export a fresh "
    "workbook": "工作表声明了 XML 实体（<!DOCTYPE>），正常的 .xlsx 文件不会这样；请重新导出一份工作簿",
    "cannot read the workbook: {part} declares XML entities (<!DOCTYPE>), which no .xlsx does; "
    "export a fresh workbook": (
        "无法读取工作簿：{part} 声明了 XML 实体（<!DOCTYPE>），正常的 .xlsx 文件不会这样；"
        "请重新导出一份工作簿"
    ),
    "the workbook has more than the limit of {limit:,} cells; export a fresh workbook": (
        "工作簿的单元格超过了 {limit:,} 个的上限；请重新导出一份工作簿"
    ),
    "merged cells covering {area:,} cells, more than the limit of {limit:,} for merged cells "
    "and linked ranges in a workbook; unmerge them (取消合并单元格)": (
        "合并单元格覆盖了 {area:,} 个单元格，超过了一个工作簿中合并单元格和超链接区域合计 {limit:,} 个单元格的上限；请取消合并单元格"
    ),
    "merged cells covering {area:,} cells, which with the ranges before it is more than the "
    "limit of {limit:,} for merged cells and linked ranges in a workbook; unmerge them "
    "(取消合并单元格)": "合并单元格覆盖了 {area:,} 个单元格，加上前面的区域，超过了一个工作簿中合并单元格和超链接区域合计 {limit:,} 个单元格的上限；请取消合并单元格",
    "a hyperlink covering {area:,} cells, more than the limit of {limit:,} for merged cells and "
    "linked ranges in a workbook; remove it": (
        "超链接覆盖了 {area:,} 个单元格，超过了一个工作簿中合并单元格和超链接区域合计 {limit:,} 个单元格的上限；请删除这个超链接"
    ),
    "a hyperlink covering {area:,} cells, which with the ranges before it is more than the "
    "limit of {limit:,} for merged cells and linked ranges in a workbook; remove it": (
        "超链接覆盖了 {area:,} 个单元格，加上前面的区域，超过了一个工作簿中合并单元格和超链接区域合计 {limit:,} 个单元格的上限；请删除这个超链接"
    ),
    "cannot read the workbook: its cell styles (xl/styles.xml) cannot be read ({detail}); save "
    "the workbook again in Excel, or export a fresh one": (
        "无法读取工作簿：单元格样式 xl/styles.xml 无法读取（{detail}）；请在 Excel 中重新保存，或重新导出一份"
    ),
    "cannot read the workbook: it is damaged, or not an .xlsx workbook ({detail}); save the "
    "workbook again in Excel, or export a fresh one": (
        "无法读取工作簿：文件已损坏，或不是 .xlsx 工作簿（{detail}）；请在 Excel 中重新保存，或重新导出一份"
    ),
    "the sheet is damaged in or after this cell ({part}: {problem}); save the workbook again in "
    "Excel, or export a fresh one": "工作表在此单元格或其后已损坏（{part}：{problem}）；请在 Excel 中重新保存，或重新导出一份",
    "the sheet is damaged ({part}: {problem}); save the workbook again in Excel, or export a "
    "fresh one": "工作表已损坏（{part}：{problem}）；请在 Excel 中重新保存，或重新导出一份",
    "cannot read the workbook: {part} is damaged ({problem}); save the workbook again in Excel, "
    "or export a fresh one": "无法读取工作簿：{part} 已损坏（{problem}）；请在 Excel 中重新保存，或重新导出一份",
    # excel/read.py: the workbook against the catalogue, its sheets
    "the catalogue has errors; fix them before importing a workbook": (
        "目录有错误；请先改正，再导入工作簿"
    ),
    "the catalogue has changed since this workbook was exported (a YAML edit or an earlier "
    "import); check that the changes listed below undo nothing you want to keep": (
        "导出这份工作簿之后，目录又有了改动（编辑过 YAML 文件，或之前导入过）；"
        "请检查下面列出的修改，确认没有撤销您想保留的内容"
    ),
    "no positions below the header row: importing it would delete every position, so nothing "
    "was read (were the rows deleted? export a fresh workbook)": (
        "表头下面没有任何岗位：导入它会删除所有岗位，因此没有读取任何内容"
        "（是不是删掉了这些行？请重新导出一份工作簿）"
    ),
    "missing sheet (was it renamed to '{name}'?); the workbook needs the sheets {sheets}": (
        "缺少这张工作表（是不是改名为 '{name}' 了？）；工作簿需要这些工作表：{sheets}"
    ),
    "missing sheet; the workbook needs the sheets {sheets}": (
        "缺少这张工作表；工作簿需要这些工作表：{sheets}"
    ),
    "the sheet is hidden; an import reads hidden sheets too, so show it (右键点击工作表标签 → "
    "取消隐藏) and check what it holds, then import again": (
        "工作表被隐藏了；导入时隐藏的工作表也会读取，请先显示它（右键点击工作表标签 → 取消隐藏），"
        "检查其中的内容，再重新导入"
    ),
    "the sheet is very hidden (by a macro or another program: Excel's menus cannot show it); an "
    "import reads hidden sheets too, so export a fresh workbook and make the edits there": (
        "工作表被深度隐藏了（由宏或其他程序设置，Excel 的菜单无法让它显示）；"
        "导入时隐藏的工作表也会读取，请重新导出一份工作簿，在新工作簿中修改"
    ),
    "sheet is not part of the workbook; it was ignored": "这张工作表不是本工作簿应有的，已忽略",
    # excel/read.py: YAML keys that validation messages name, as the workbook's columns
    "权重合计说明 (weights_total_note)": "“权重合计说明”（weights_total_note）",
    "状态 待补充": "“待补充”状态",
    # excel/rows.py: a sheet's columns and cells
    "the sheet reaches row {row:,}, beyond the limit of {limit:,} rows; delete the rows below "
    "the data": "工作表用到了第 {row:,} 行，超过了 {limit:,} 行的上限；请删除数据下方的行",
    "the sheet reaches column {column}, beyond the limit of {limit} columns; delete the columns "
    "right of the data": "工作表用到了 {column} 列，超过了 {limit} 列的上限；请删除数据右侧的列",
    "column {header} appears twice (also in {cell})": "列 {header} 出现了两次（另一次在 {cell}）",
    "missing column '{header}'": "缺少列 '{header}'",
    "missing column '{header}' (this header reads {found})": (
        "缺少列 '{header}'（这个位置的列标题是 {found}）"
    ),
    "column {header} is not part of the workbook; it was ignored": (
        "列 {header} 不是本工作簿应有的列，已忽略"
    ),
    "hidden or filtered-out rows are imported all the same: {rows}; show them (取消隐藏, "
    "清除筛选) to check them": (
        "隐藏的行和被筛选掉的行同样会导入（行号：{rows}）；请显示这些行（取消隐藏、清除筛选）并检查"
    ),
    "hidden columns are imported all the same: {columns}; show them (取消隐藏) to check them": (
        "隐藏的列同样会导入：{columns}；请显示这些列（取消隐藏）并检查"
    ),
    "merged cells: unmerge them (取消合并单元格) and fill in every cell": (
        "合并单元格：请取消合并单元格，并在每个单元格中填写内容"
    ),
    "a formula where a value belongs ({formula}); type the value itself": (
        "这里应填值，却是公式（{formula}）；请直接填写值本身"
    ),
    "the cell shows the error {error}; type the value itself": (
        "单元格显示错误 {error}；请直接填写值本身"
    ),
    "{count:,} characters, more than the limit of {limit:,} for a cell": (
        "有 {count:,} 个字符，超过了单元格 {limit:,} 个字符的上限"
    ),
    "expected text, got a date or time; format the cell as text (文本) and type the value "
    "again": "应填文本，却是日期或时间；请把单元格格式设为“文本”，再重新输入",
    "expected a number, got a date or time; format the cell as text (文本) and type the value "
    "again": "应填数字，却是日期或时间；请把单元格格式设为“文本”，再重新输入",
    "{first}, … ({count} in all)": "{first}, …（共 {count} 个）",
    " (did you mean '{name}'?)": "（是不是 '{name}'？）",
    # excel/assemble.py: each row's position and place
    "missing department": "缺少部门",
    "unknown department {department}{hint}; departments (edited in YAML): {departments}": (
        "未知部门 {department}{hint}；现有部门（在 YAML 中维护）：{departments}"
    ),
    "missing position id": "缺少岗位编号",
    "duplicate position {id} (also on row {row})": "岗位 {id} 重复（第 {row} 行也有）",
    "{id} is not a safe position id: use lowercase ASCII letters, digits and single hyphens, "
    "e.g. fin-analyst": (
        "{id} 不能用作岗位编号：只能用小写英文字母、数字和单个连字符，例如 fin-analyst"
    ),
    "expected {published} or {draft}, got nothing": "应填“{published}”或“{draft}”，但单元格是空的",
    "expected {published} or {draft}, got {value}": "应填“{published}”或“{draft}”，实际为 {value}",
    "missing position id ({header})": "缺少岗位编号（“{header}”列）",
    "unknown position {id}: not on the {sheet} sheet{hint}": (
        "未知岗位 {id}：{sheet}表中没有这个岗位{hint}"
    ),
    "position {id} already has a monthly indicator on row {row}; a position has at most one": (
        "岗位 {id} 在第 {row} 行已有月度指标；每个岗位最多一行月度指标"
    ),
    "the KPI's place in the position's list": "KPI 在本岗位中的排序",
    "the item's place in its group": "该项在所属组别中的排序",
    "expected {groups}, got nothing": "应填以下一项：{groups}；但单元格是空的",
    "expected {groups}, got {value}": "应填以下一项：{groups}；实际为 {value}",
    "expected a name from the {sheet} sheet, got nothing": "应填{sheet}表中的名称，但单元格是空的",
    "unknown competency {name}: not on the {sheet} sheet{hint}": (
        "未知的能力态度名称 {name}：{sheet}表中没有这一项{hint}"
    ),
    "expected {sub_item} (a sub-item of the goal above) or nothing (a goal), got {value}": (
        "应填{sub_item}（上方目标的子项）或留空（一个目标），实际为 {value}"
    ),
    "a sub-item needs its goal on a row above it (the same position and category)": (
        "子项的上方须有它所属的目标（同一岗位、同一类别）"
    ),
    "expected a whole number from 1 ({what}), got nothing": (
        "应填从 1 开始的整数（{what}），但单元格是空的"
    ),
    "expected a whole number from 1 ({what}), got {value}": (
        "应填从 1 开始的整数（{what}），实际为 {value}"
    ),
    "{value} is used twice for position {id} (also on row {row})": (
        "{value} 在岗位 {id} 中用了两次（另一次在第 {row} 行）"
    ),
    # excel/layout.py and scales.py: a scale cell
    "cannot read the scale {text}: {problem}; write tiers such as '>=100%=5; >?%=4; >99%=3; "
    "否则=1' (否则手工: scored by hand below the tiers), or a named scale such as "
    "satisfaction-5": (
        "无法识别评分档 {text}：{problem}；请逐档填写，例如 '>=100%=5; >?%=4; >99%=3; 否则=1'"
        "（写“否则手工”表示低于各档时手工评分），或填写命名评分档的编号，例如 satisfaction-5"
    ),
    "'{part}' must come last": "'{part}' 必须写在最后",
    "points must be whole numbers, got '{points}'": "得分必须是整数，实际为 '{points}'",
    "'{part}' is not a tier such as '>120%=5'": "'{part}' 不是有效的一档，应写成 '>120%=5' 这样",
    "it has no tier": "其中没有任何一档",
    "the tiers mix units ({units})": "各档的单位不一致（{units}）",
    "none": "无单位",
    # excel/write.py: export
    "{count:,} characters, more than the {limit:,} an Excel cell holds; shorten it (the "
    "workbook would cut it)": (
        "有 {count:,} 个字符，超过了 Excel 单元格最多能容纳的 {limit:,} 个；请缩短（否则工作簿会截断它）"
    ),
    # excel/plan.py: the import plan
    "create {path}": "新建 {path}",
    "change {path}": "修改 {path}",
    "delete {path}": "删除 {path}",
    "move {old} -> {path}": "移动 {old} -> {path}",
    "rename {old} -> {path}": "改名 {old} -> {path}",
    "{change} ({note})": "{change}（{note}）",
    "same title {title}: its comments are kept": "岗位名称同为“{title}”，原文件的注释会保留",
    "{count} comment(s) are lost with it: {comments} (a renamed position keeps its file's "
    "comments when its title stays the same)": (
        "{count} 条注释会随之丢失：{comments}（改岗位编号时，只要岗位名称不变，原文件的注释就会保留）"
    ),
    "{count} comment(s) could not be kept (they belonged to removed or replaced values): "
    "{comments}": "{count} 条注释无法保留（它们属于已删除或已替换的值）：{comments}",
    "refused: this import deletes {count} of the catalogue's {total} positions, more than half, "
    "so nothing was written, not even with --delete; if the workbook lost rows, export a fresh "
    "one; to retire so many positions, delete their YAML files": (
        "已拒绝：本次导入会删除目录全部 {total} 个岗位中的 {count} 个，超过一半，"
        "因此没有写入任何文件，加 --delete 也不行；如果是工作簿丢失了行，请重新导出一份；"
        "如果确实要撤销这么多岗位，请直接删除它们的 YAML 文件"
    ),
    "the imported catalogue would not load; nothing was written (this is a bug in the import, "
    "please report it)": (
        "导入后的目录无法加载，因此没有写入任何文件（这是导入功能的程序错误，请报告）"
    ),
    # cli/import_workbook.py
    "no changes: the catalogue already matches the workbook": "没有修改：目录已与工作簿一致",
    "refused: this import deletes {count} position(s): {ids}; nothing was written. Run again "
    "with --write --delete if they are meant to go.": (
        "已拒绝：本次导入会删除 {count} 个岗位：{ids}；没有写入任何文件。"
        "如果确实要删除，请加 --write --delete 重新运行。"
    ),
    "{path}: cannot write": "{path}: 无法写入",
    "wrote {count} file(s)": "已写入 {count} 个文件",
    "dry run: {count} file(s) would change, deleting {deleted} position(s): {ids}; nothing was "
    "written. Run again with --write --delete to write them.": (
        "试运行：将修改 {count} 个文件，其中删除 {deleted} 个岗位：{ids}；没有写入任何文件。"
        "要写入，请加 --write --delete 重新运行。"
    ),
    "dry run: {count} file(s) would change; nothing was written. Run again with --write to "
    "write them.": (
        "试运行：将修改 {count} 个文件；没有写入任何文件。要写入，请加 --write 重新运行。"
    ),
}
