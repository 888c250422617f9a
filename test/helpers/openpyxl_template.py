"""Writes a coordinator's template with openpyxl, as offices that script their workbooks in Python make them.

Usage: /usr/bin/python3 openpyxl_template.py OUT.xlsx
Sheet 推进情况: title and department in rows 1-2, the header in row 3, the row template in row 4, totals in row 6,
a merged signature block in rows 7-8; a chart over the row template's columns, a picture, comments (one on the row
template), validations, a conditional format, print titles and area; a second sheet 汇总 whose formulas point at
推进情况; a defined name.
"""
import io
import sys

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from PIL import Image as Picture

workbook = openpyxl.Workbook()
sheet = workbook.active
sheet.title = "推进情况"
sheet["A1"] = "{{plan.title}}"
sheet["A2"] = "填报单位:{{department.name}}  期间:{{period.label}}"
header = ["编号", "序号", "任务名称", "指标", "目标值", "单位", "完成值", "完成率", "状态", "进展说明", "佐证材料", "两倍"]
row = ["{{row.id}}", "{{row.number}}", "{{task.title}}", "{{target.metric}}", "{{target.value}}", "{{target.unit}}",
       "{{entry.actual}}", "{{completion}}", "{{entry.status}}", "{{entry.note}}", "{{entry.evidence}}", '=IF(ISNUMBER(G4),G4*2,"")']
for column, (title, cell) in enumerate(zip(header, row), start=1):
    sheet.cell(3, column, title)
    sheet.cell(4, column, cell)
sheet["G4"].fill = PatternFill("solid", fgColor="FFFFCC")
sheet["A6"] = "合计"
sheet["G6"] = "=SUM(G4:G4)"
sheet["A7"] = "填报人:        联系电话:"
sheet.merge_cells("A7:F7")
sheet["A8"] = "说明:请如实填写"
sheet.merge_cells("A8:K8")

notes = DataValidation(type="textLength", operator="lessThan", formula1="200")
sheet.add_data_validation(notes)
notes.add("J4")
sheet.conditional_formatting.add("E4", CellIsRule(operator="greaterThan", formula=["100"], fill=PatternFill("solid", bgColor="FFC7CE")))
sheet["D4"].comment = Comment("指标按计划原文", "协调处")
sheet["A6"].comment = Comment("合计行", "协调处")

chart = BarChart()
chart.title = "完成值"
chart.add_data(Reference(sheet, min_col=7, min_row=4, max_row=4), titles_from_data=False)
chart.set_categories(Reference(sheet, min_col=3, min_row=4, max_row=4))
sheet.add_chart(chart, "C10")
png = io.BytesIO()
Picture.new("RGB", (40, 20), (200, 30, 30)).save(png, format="PNG")
sheet.add_image(Image(png), "K1")
sheet.print_title_rows = "1:3"
sheet.print_area = "A1:L8"

summary = workbook.create_sheet("汇总")
summary["A1"] = "合计完成值"
summary["B1"] = "='推进情况'!G6"
summary["B2"] = "=SUM('推进情况'!G4:G4)"
summary["B3"] = "='推进情况'!A7"
workbook.defined_names.append(DefinedName("合计", attr_text="'推进情况'!$G$6"))
workbook.save(sys.argv[1])
