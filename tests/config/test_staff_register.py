"""The staff register CSV as spreadsheets save it, and a ConfigError for each way it can fail."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from intake.config.staff_register import load_staff_register
from intake.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]
KEY = "organisation.staff_register"


def register(tmp_path: Path, text: str, encoding: str = "utf-8", bom: bytes = b"") -> Path:
    path = tmp_path / "staff.csv"
    path.write_bytes(bom + text.encode(encoding))
    return path


def config_error(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_staff_register(path)
    assert caught.value.key == KEY
    assert str(path) in caught.value.problem
    return caught.value


def test_shipped_example_register_has_the_issue_names() -> None:
    staff = load_staff_register(REPO / "examples" / "staff.csv")
    assert len(staff) == 25
    for candidate in ["Maria Fernandez Ruiz", "Anna de Vries", "Ji-hoon Park"]:
        assert [match.partial for match in staff.matches([candidate])] == [False]
    assert len(staff.matches(["Paul Martin"])) == 3


def test_comma_register_keeps_other_columns_as_details(tmp_path: Path) -> None:
    path = register(tmp_path, "name,unit,position\nCarlos FERNÁNDEZ RUIZ,Finance,Budget Officer\n")
    (match,) = load_staff_register(path).matches(["María Fernández Ruiz"])
    assert match.entry.details == (("unit", "Finance"), ("position", "Budget Officer"))
    assert match.entry.row == 1
    assert "(unit: Finance, position: Budget Officer)" in match.evidence()


def test_utf8_bom_and_semicolons_as_excel_saves_them(tmp_path: Path) -> None:
    text = " Name ;Unit\r\nPieter DE VRIES;Legal Affairs\r\n"
    path = register(tmp_path, text, bom=codecs.BOM_UTF8)
    (match,) = load_staff_register(path).matches(["Anna de Vries"])
    assert match.entry.name == "Pieter DE VRIES"
    assert match.entry.details == (("Unit", "Legal Affairs"),)


def test_windows_1252_register_is_read(tmp_path: Path) -> None:
    path = register(tmp_path, "NAME;unit\nLukas Müller;Tariff\nJosé Peña;HR\n", encoding="cp1252")
    staff = load_staff_register(path)
    assert [match.entry.name for match in staff.matches(["Ana Pena"])] == ["José Peña"]


def test_utf16_unicode_text_with_tabs_is_read(tmp_path: Path) -> None:
    path = register(tmp_path, "name\tunit\nPARK Min-jun\tIT\n", encoding="utf-16")
    assert load_staff_register(path).matches(["Park, Ji-hoon"])[0].entry.row == 1


def test_blank_rows_and_nameless_rows_are_skipped_but_counted(tmp_path: Path) -> None:
    text = "\n\nname,unit\nClaire Martin,HR\n\n,Finance\n   ,\nSophie MARTIN,\n"
    staff = load_staff_register(register(tmp_path, text))
    assert len(staff) == 2
    found = staff.matches(["Paul Martin"])
    assert [(match.entry.row, match.entry.details) for match in found] == [
        (1, (("unit", "HR"),)),
        (5, ()),
    ]


def test_short_and_long_rows_are_read(tmp_path: Path) -> None:
    text = "unit,name\nFinance\nIT,Marc Dupont,extra,cells\n"
    (match,) = load_staff_register(register(tmp_path, text)).matches(["Jean Dupont"])
    assert (match.entry.row, match.entry.details) == (2, (("unit", "IT"),))


def test_quoted_names_with_commas_are_kept_whole(tmp_path: Path) -> None:
    text = 'name,unit\n"Vries, Pieter de","Legal, Compliance"\n'
    (match,) = load_staff_register(register(tmp_path, text)).matches(["Anna de Vries"])
    assert match.entry.details == (("unit", "Legal, Compliance"),)


def test_surname_column_is_authoritative(tmp_path: Path) -> None:
    text = "name,surname,unit\nThomas Martin,Thomas,IT\nAnne Leclerc,,HR\n"
    staff = load_staff_register(register(tmp_path, text))
    assert [match.entry.row for match in staff.matches(["Julie Thomas"])] == [1]
    assert staff.matches(["Julie Martin"]) == ()
    assert staff.matches(["Paul Leclerc"])[0].entry.details == (("unit", "HR"),)


def test_header_only_register_is_empty(tmp_path: Path) -> None:
    assert len(load_staff_register(register(tmp_path, "name,unit\n"))) == 0


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    assert "not found" in config_error(tmp_path / "absent.csv").problem


def test_directory_instead_of_file_is_a_config_error(tmp_path: Path) -> None:
    assert "cannot read" in config_error(tmp_path).problem


def test_register_without_name_column_is_a_config_error(tmp_path: Path) -> None:
    error = config_error(register(tmp_path, "full name,unit\nClaire Martin,HR\n"))
    assert "no 'name' column" in error.problem and "full name, unit" in error.problem


def test_empty_file_is_a_config_error(tmp_path: Path) -> None:
    assert "empty" in config_error(register(tmp_path, "\n\n")).problem


def test_spreadsheet_file_instead_of_csv_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00xl/workbook.xml")
    assert "not a CSV" in config_error(path).problem


def test_malformed_csv_is_a_config_error(tmp_path: Path) -> None:
    field = "x" * 200_000
    error = config_error(register(tmp_path, f"name,unit\nClaire Martin,{field}\n"))
    assert "not a valid CSV" in error.problem


def test_an_xlsx_register_with_a_name_heading_in_capitals_is_read(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["NAME", "Unit"])
    sheet.append(["Carlos FERNÁNDEZ RUIZ", "Finance"])
    sheet.append([None, None])
    sheet.append(["Anna de Vries", 42])
    path = tmp_path / "staff.xlsx"
    workbook.save(path)
    staff = load_staff_register(path)
    assert len(staff) == 2
    [match] = staff.matches(["Maria Fernandez Ruiz"])
    assert match.entry.row == 1


def test_an_ods_register_is_read_and_a_broken_one_names_the_file(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Staff")
    for values in (["Name", "Unit"], ["Ji-hoon Park", "IT"]):
        row = TableRow()
        for value in values:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    path = tmp_path / "staff.ods"
    document.save(str(path))
    assert len(load_staff_register(path)) == 1
    broken = tmp_path / "broken.ods"
    broken.write_bytes(b"not a spreadsheet")
    assert "cannot read staff register" in config_error(broken).problem
