"""Small made-up plans, as the blocks a page is made of, rendered as text, HTML or .docx."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Table:
    rows: list[list[str]]  # a row of one cell is a spanning row (group, category, total)


Block = str | Table


def small_plan() -> list[Block]:
    return [
        "示例县“十三五”信息化发展规划",
        "一、发展基础",
        "截至2015年，全县宽带用户达到12万户，增长8%。",
        "二、发展目标",
        "到2020年，全县宽带用户数突破20万户，光纤覆盖率达到90%以上。",
        "专栏1：主要指标",
        Table(
            [
                ["指标", "单位", "2013年", "2015年（预计）", "2020年", "属性"],
                ["网络基础"],
                ["宽带用户数", "万户", "9", "12", "20", "预期性"],
                ["其中：光纤用户数", "万户", "3", "6", "15", "预期性"],
                ["产业发展"],
                ["信息产业产值", "亿元", "——", "8", "15", "约束性"],
                ["光纤覆盖率", "%", "", "60", "90", "预期性"],
            ]
        ),
        "三、重点工程",
        "（一）基础设施",
        "专栏2：基础设施重点工程",
        "1.光纤入户工程：实施光纤到户改造。",
        "2.县级数据中心：建设县级政务数据中心。",
        "附件：",
        Table(
            [
                ["项目名称", "实施单位", "实施年度", "计划投资（亿元）"],
                ["基础设施重点工程"],
                ["光纤入户工程", "示例电信、移动", "2016-2018", "1.5"],
                ["县级数据中心", "工信局", "2017", "0.5"],
                ["合计", "2"],
            ]
        ),
    ]


def as_lines(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                lines.extend(row)
        else:
            lines.append(block)
    return lines


def write_text(blocks: list[Block], path: Path) -> Path:
    path.write_text("".join(f"{line}\n" for line in as_lines(blocks)), encoding="utf-8")
    return path


def write_html(blocks: list[Block], path: Path) -> Path:
    width = max((len(r) for b in blocks if isinstance(b, Table) for r in b.rows), default=1)
    parts = [
        "<!DOCTYPE html><html><head><title>ignored</title>",
        "<style>td {border: 1px}</style></head><body>",
    ]
    for block in blocks:
        if isinstance(block, Table):
            parts.append("<table>")
            for row in block.rows:
                if len(row) == 1:
                    parts.append(f'<tr><td colspan="{width}">{html.escape(row[0])}</td></tr>')
                else:
                    cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in row)
                    parts.append(f"<tr>\n  {cells}\n</tr>")
            parts.append("</table>")
        else:
            parts.append(f"<p>\n  {html.escape(block)}\n</p>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def write_docx(blocks: list[Block], path: Path) -> Path:
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, Table):
            width = max(len(row) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            for r, row in enumerate(block.rows):
                cells = table.rows[r].cells
                if len(row) == 1:
                    merged = cells[0].merge(cells[width - 1])
                    merged.text = row[0]
                else:
                    for c, text in enumerate(row):
                        cells[c].text = text
        else:
            document.add_paragraph(block)
    document.save(str(path))
    return path
