"""Chinese of the messages of cli/, scoring/, versions/, site/, the plugins and render.py:
English template -> Chinese template, with the same placeholders."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # cli/: what every command says
    "{count} error(s); nothing was written.": "共 {count} 个错误；没有写入任何文件。",
    "{message}: {reason}": "{message}：{reason}",
    "{catalog}: OK: {departments} departments, {positions} positions ({drafts} drafts), "
    "{competencies} competencies, {warnings} warning(s), {notes} note(s)": (
        "{catalog}: 检查通过：{departments} 个部门，{positions} 个岗位（其中草稿 {drafts} 个），"
        "{competencies} 项能力，{warnings} 条警告，{notes} 条提示"
    ),
    "export --format xlsx needs -o FILE": "export --format xlsx 需要用 -o FILE 指定要写入的文件",
    "{file}: cannot write the workbook": "{file}: 无法写入工作簿",
    "{file}: cannot write the catalogue": "{file}: 无法写入岗位目录",
    "wrote {file}: {count} positions": "已写入 {file}：共 {count} 个岗位",
    "cannot write the pages to {folder}": "无法把页面写入 {folder}",
    "wrote {count} files to {folder}": "已把 {count} 个文件写入 {folder}",
    "{file}: cannot write the scored appraisals": "{file}: 无法写入评分结果",
    "{file}: row {row}: {problems}": "{file}: 第 {row} 行：{problems}",
    "scored {scored} of {count} appraisal(s)": "共 {count} 份考核，已评分 {scored} 份",
    "{folder}: cannot write the project: {reason}": "{folder}: 无法写入项目：{reason}",
    "wrote a new project to {folder}. Next: cd {cd} && mkdocs serve": (
        "已在 {folder} 创建新项目。下一步：cd {cd} && mkdocs serve"
    ),
    "{folder}: cannot write the schemas: {reason}": "{folder}: 无法写入 JSON Schema：{reason}",
    "wrote {count} schemas to {folder}": "已把 {count} 个 JSON Schema 写入 {folder}",
    # starter/
    "{folder}: the folder is not empty; `new` writes a project only into a new or empty "
    "folder, so nothing was written": (
        "{folder}: 文件夹不是空的；`new` 只在新的或空的文件夹中创建项目，因此没有写入任何文件"
    ),
    # files.py: why the system refused
    "No such file or directory": "文件或文件夹不存在",
    "Permission denied": "没有权限",
    "Operation not permitted": "不允许此操作",
    "No space left on device": "磁盘空间已满",
    "Read-only file system": "文件系统是只读的",
    "Is a directory": "这是一个文件夹，不是文件",
    "Not a directory": "不是文件夹",
    "File exists": "文件已存在",
    "File name too long": "文件名太长",
    "Input/output error": "读写出错（输入/输出错误）",
    "Device or resource busy": "设备或资源正忙",
    # scoring/batch.py: the appraisals file as a whole
    "{file}: cannot read appraisals: {reason}": "{file}: 无法读取考核数据：{reason}",
    "{file}: row {row}: {reason}; nothing was scored": "{file}: 第 {row} 行：{reason}；没有评分任何考核",
    "not UTF-8 text (byte 0x{byte} on line {line}); save the file as UTF-8 (in Excel: CSV "
    "UTF-8)": "不是 UTF-8 文本（第 {line} 行的字节 0x{byte}）；请把文件另存为 UTF-8（Excel 中选“CSV UTF-8”）",
    "a folder, not a file": "这是一个文件夹，不是文件",
    "no such file": "文件不存在",
    "the file has {size} bytes, more than the limit of {limit} ({mebibytes} MiB)": (
        "文件有 {size} 字节，超过了 {limit} 字节（{mebibytes} MiB）的上限"
    ),
    "the file has more bytes than the limit of {limit} ({mebibytes} MiB)": (
        "文件超过了 {limit} 字节（{mebibytes} MiB）的上限"
    ),
    "not valid JSON (line {line}, column {column}: {reason})": (
        "不是有效的 JSON（第 {line} 行第 {column} 列：{reason}）"
    ),
    "brackets nested deeper than the limit of {limit} levels": "括号嵌套超过了 {limit} 层的上限",
    "more than the limit of {limit} appraisals in one file; split the file": (
        "一个文件中的考核超过了 {limit} 份的上限；请把文件拆分"
    ),
    "a list or object of more than the limit of {limit} values": (
        "列表或对象中的值超过了 {limit} 个的上限"
    ),
    "a text longer than the limit of {limit} characters": "文本超过了 {limit} 个字符的上限",
    "a number longer than the limit of {limit} characters": "数字超过了 {limit} 个字符的上限",
    "{column}: a number longer than the limit of {limit} characters": (
        "{column}: 数字超过了 {limit} 个字符的上限"
    ),
    "a cell longer than the limit of {limit} characters": "单元格超过了 {limit} 个字符的上限",
    "{column}: a cell longer than the limit of {limit} characters": (
        "{column}: 单元格超过了 {limit} 个字符的上限"
    ),
    "column {name} appears twice (columns {first} and {second})": (
        "列 {name} 出现了两次（第 {first} 列和第 {second} 列）"
    ),
    "no 'position' column; the first row names the columns: position, employee, rater, "
    "period, kpi1, kpi1_actual, …, then competency ids": (
        "缺少 'position' 列；第一行是列名：position, employee, rater, period, kpi1, "
        "kpi1_actual, …，然后是各项能力的 id"
    ),
    "cannot read the CSV: {reason}": "无法读取 CSV：{reason}",
    "{count} columns, more than the limit of {limit}": "共 {count} 列，超过了 {limit} 列的上限",
    # scoring/batch.py: one appraisal
    "; ": "；",
    "an appraisal must be a JSON object": "每份考核必须是一个 JSON 对象",
    "{key}: expected text, got {kind}": "{key}: 应为文本，实际为：{kind}",
    'kpis: expected a list such as [{{"points": 4}}], got {kind}': (
        'kpis: 应为列表，例如 [{{"points": 4}}]，实际为：{kind}'
    ),
    'ratings: expected an object such as {{"teamwork": 4}}, got {kind}': (
        'ratings: 应为对象，例如 {{"teamwork": 4}}，实际为：{kind}'
    ),
    "an object": "对象",
    "a list": "列表",
    "text": "文本",
    "a number": "数字",
    "ratings: unknown competency {id}": "ratings: 未知的能力 {id}",
    "ratings: unknown competency {id} (did you mean {close}?)": (
        "ratings: 未知的能力 {id}（是不是 {close}？）"
    ),
    "more cells than header columns": "单元格比表头的列多",
    "unknown column {name}": "未知的列 {name}",
    "unknown column {name} (KPIs are numbered from kpi1)": "未知的列 {name}（KPI 从 kpi1 开始编号）",
    "unknown position {id}": "未知的岗位 {id}",
    "no position given": "没有填写岗位",
    "kpi{number}: no such KPI, {title} has {count} (kpi1 to kpi{count})": (
        "kpi{number}: 没有这项 KPI，{title}共有 {count} 项（kpi1 至 kpi{count}）"
    ),
    "kpi{number}: no such KPI, {title} has 1 (kpi1)": (
        "kpi{number}: 没有这项 KPI，{title}只有 1 项（kpi1）"
    ),
    "kpi{number}: no such KPI, {title} has none": "kpi{number}: 没有这项 KPI，{title}没有 KPI",
    "kpis: {entries} entries, but {title} has 1 KPI": (
        "kpis: 填了 {entries} 项，但{title}只有 1 项 KPI"
    ),
    "kpis: {entries} entries, but {title} has {count} KPIs": (
        "kpis: 填了 {entries} 项，但{title}只有 {count} 项 KPI"
    ),
    "{where}: is not a number": "{where}: 不是数字",
    "{where}: is not a whole number of points": "{where}: 分数不是整数",
    "{where}: is outside the point scale": "{where}: 超出了评分分值范围",
    "{where}: is not a level of the satisfaction scale": "{where}: 不是满意度评价中的等级",
    "{where}: cannot be read": "{where}: 无法读取",
    "{where}: not entered": "{where}: 未填写",
    "{where}: the source lost this tier's threshold: enter the points by hand": (
        "{where}: 原文缺失这一档的门槛值，请手工填写分数"
    ),
    "{where}: below the scale's tiers: enter the points by hand": (
        "{where}: 低于评分标准的所有档次，请手工填写分数"
    ),
    # versions/side.py, versions/archive.py: a side of `diff`, a published version
    "{side}: a file, not a catalogue folder (nor a git revision)": (
        "{side}: 这是一个文件，不是岗位目录文件夹（也不是 git 修订版本）"
    ),
    "{side}: not a folder, nor a git revision": "{side}: 既不是文件夹，也不是 git 修订版本",
    "{side}: not a folder, and git is not installed to read it as a revision": (
        "{side}: 不是文件夹；本机也没有安装 git，无法把它当作修订版本读取"
    ),
    "{side}: not a folder, and the working directory is not in a git repository": (
        "{side}: 不是文件夹；当前工作目录也不在 git 仓库中"
    ),
    "{side}: revision {revision} has no folder '{folder}' (name the catalogue's folder as "
    "{revision}:path/to/catalog)": (
        "{side}: 修订版本 {revision} 中没有文件夹 '{folder}'"
        "（请用 {revision}:path/to/catalog 指明岗位目录所在的文件夹）"
    ),
    "{side}: git could not read '{folder}' of revision {revision}": (
        "{side}: git 无法读取修订版本 {revision} 中的 '{folder}'"
    ),
    "{side}: {problem}; the revision was not read": "{side}: {problem}；没有读取这个修订版本",
    "{side}: the catalogue does not load": "{side}: 岗位目录无法加载",
    "{side}: the catalogue does not load: {error}": "{side}: 岗位目录无法加载：{error}",
    "{side}: the catalogue does not load: {error} (and {more} more)": (
        "{side}: 岗位目录无法加载：{error}（另有 {more} 个错误）"
    ),
    "{member} {problem}": "{member} {problem}",
    "is a path that leaves the catalogue folder": "是一个指向岗位目录文件夹之外的路径",
    "is a link to a place outside the catalogue folder": "是一个指向岗位目录文件夹之外的链接",
    "is neither a file, a folder nor a link": "既不是文件、文件夹，也不是链接",
    "git's archive of {side} cannot be extracted ({reason})": "无法解开 git 导出的 {side}（{reason}）",
    # plugin.py, search_plugin.py, site/: the build
    "templates: {folder} is not a folder (the plugin's option `templates` names a folder of "
    "the site's own templates)": (
        "templates: {folder} 不是文件夹（插件选项 `templates` 应指向存放本站自有模板的文件夹）"
    ),
    "the catalogue has {count} error(s); see above": "岗位目录有 {count} 个错误，详见上文",
    "变更记录 {version}: {problem}": "变更记录 {version}：{problem}",
    "generated pages would replace pages in docs/: {pages}; rename or remove those files": (
        "生成的页面会覆盖 docs/ 中已有的页面：{pages}；请重命名或删除这些文件"
    ),
    "another build of {site} is running; waiting…": "{site} 的另一个构建正在进行，等待它结束…",
    "another build of {site} is running (pid {pid}); waiting…": (
        "{site} 的另一个构建正在进行（进程号 {pid}），等待它结束…"
    ),
    "cannot build the site: {path}: {reason}": "无法构建网站：{path}: {reason}",
    "cannot write the site to {site}: {reason}": "无法把网站写入 {site}：{reason}",
    "the Excel download could not be written: {errors}": "无法写出 Excel 下载文件：{errors}",
    "position-search replaces Material's search plugin: remove `search` from the plugins in "
    "mkdocs.yml": "position-search 取代了 Material 的搜索插件：请从 mkdocs.yml 的 plugins 中删除 `search`",
    "position-search needs the {plugin} plugin before it": (
        "position-search 需要在它之前启用 {plugin} 插件"
    ),
    "search index: {pages} pages, {files} files, {size} KB in {seconds} s": (
        "搜索索引：{pages} 个页面，{files} 个文件，{size} KB，用时 {seconds} 秒"
    ),
}
