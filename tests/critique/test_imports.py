"""Importing maps made elsewhere: each format and layout, and every kind of hostile file."""

from __future__ import annotations

import io
import struct
import zipfile

import openpyxl
import pytest

from bot.critique.imports import MAX_BYTES, ImportProblem, import_map, read_map, render_report
from bot.model import JourneyMap
from bot.samples import sample_map

LANES_MD = """# Mortgage journey

**Objective:** Halve drop-out between application and approval
- Scenario: A couple buys their first flat
Persona: Maya, first-time buyer

| Stage | Dream | Compare | Apply | Approval |
|---|---|---|---|---|
| **Touchpoints** | Affordability calculator (website)<br>Friends | Broker site; Rates page | Online form • Advisor call | Approval call |
| Channels | website<br>word of mouth | review site; website | website • phone | phone |
| Doing | Tries deposits | Compares rates | Uploads payslips | Hears the decision |
| Thinking | Is it real? | Hidden fees? | Did it save? | We did it! |
| Emotions (-2..2) | 🙂 | -1 confused | 😡 | +2 relieved |
| Pain points | | Fees are hidden | Same documents asked three times | |
| Delights | | | | Advisor calls personally |
| Opportunities | | All-fees table | Reuse documents | |
| Moments of truth | | | First document request | |
| Owners | Digital | Partnerships | Lending ops | Advisors |
"""  # noqa: E501

ROWS_CSV = (
    "stage,channel,touchpoint/description,customer action,customer thought,owner,"
    "emotion score,emotion label,pains\n"
    "Dream,website,Calculator,Tries deposits,Is it real?,Digital,1,hopeful,\n"
    ",word of mouth,Friends,Asks friends,,Marketing,1,hopeful,\n"
    "Apply,website,Online form,Uploads payslips,Saved?,Lending ops,-2,anxious,"
    "Documents asked twice; No progress tracker\n"
    "Approval,phone,Approval call,Hears the decision,We did it!,Advisors,2,relieved,\n"
)


def _problem(content: bytes | str, filename: str | None = None) -> str:
    with pytest.raises(ImportProblem) as caught:
        import_map(content, filename)
    return caught.value.message


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- formats and layouts --------------------------------------------------------------------


def test_markdown_table_with_stages_across_the_top() -> None:
    m = import_map(LANES_MD)
    assert m.title == "Mortgage journey"
    assert m.scope.objective == "Halve drop-out between application and approval"
    assert m.scope.scenario == "A couple buys their first flat"
    assert [p.name for p in m.personas] == ["Maya, first-time buyer"]
    assert [s.name for s in m.stages] == ["Dream", "Compare", "Apply", "Approval"]
    dream = m.touchpoints_in(m.stages[0].id)
    assert [(t.description, t.channel, t.owner) for t in dream] == [
        ("Affordability calculator", "website", "Digital"),
        ("Friends", "word of mouth", "Digital"),
    ]
    assert dream[0].customer_action == "Tries deposits"
    assert dream[0].customer_thought == "Is it real?"
    assert [(e.score, e.label) for e in m.emotions] == [
        (1, "happy"),
        (-1, "confused"),
        (-2, "furious"),
        (2, "relieved"),
    ]
    assert [p.text for p in m.pain_points] == [
        "Fees are hidden",
        "Same documents asked three times",
    ]
    assert [d.text for d in m.delight_points] == ["Advisor calls personally"]
    assert [x.text for x in m.moments_of_truth] == ["First document request"]
    assert [a.description for a in m.actions] == ["All-fees table", "Reuse documents"]


def test_csv_with_one_row_per_touchpoint_as_our_export_writes() -> None:
    m = import_map(ROWS_CSV.encode(), "mortgage_journey.csv")
    assert m.title == "Mortgage journey"
    assert [s.name for s in m.stages] == ["Dream", "Apply", "Approval"]
    assert [t.description for t in m.touchpoints_in(m.stages[0].id)] == ["Calculator", "Friends"]
    (form,) = m.touchpoints_in(m.stages[1].id)
    assert (form.owner, form.customer_thought) == ("Lending ops", "Saved?")
    assert [(p.text, p.touchpoint_id) for p in m.pain_points] == [
        ("Documents asked twice", form.id),
        ("No progress tracker", form.id),
    ]
    assert [(e.score, e.label) for e in m.emotions] == [
        (1, "hopeful"),
        (-2, "anxious"),
        (2, "relieved"),
    ]


def test_csv_with_stages_across_the_top_and_other_separators() -> None:
    text = (
        "Phase;Notice;Call;Fix\nInteractions;Router light;Hotline;Engineer visit\n"
        "Feelings;😐;😡;🙂\n"
    )
    m = import_map(text.encode(), "support.csv")
    assert [s.name for s in m.stages] == ["Notice", "Call", "Fix"]
    assert [e.score for e in m.emotions] == [0, -2, 1]
    tabbed = import_map("Stage\tA\tB\tC\nTouchpoints\tx\ty\tz\n")
    assert [t.description for t in tabbed.touchpoints] == ["x", "y", "z"]


def test_xlsx_in_both_layouts_reads_the_first_sheet() -> None:
    lanes = _xlsx(
        [
            ["Journey: Broadband repair"],
            [],
            ["Stage", "Notice", "Call"],
            ["Touchpoints", "Router light", "Hotline"],
            ["Emotion", -1, -2.0],
        ]
    )
    m = import_map(lanes, "repair.xlsx")
    assert m.title == "Broadband repair"
    assert [(s.name, e.score) for s, e in zip(m.stages, m.emotions, strict=True)] == [
        ("Notice", -1),
        ("Call", -2),
    ]
    rows = _xlsx(
        [
            ["Stage", "Touchpoint", "Owner"],
            ["Notice", "Router light", "Network"],
            [None, "Status page", "Digital"],
            ["Call", "Hotline", "Care"],
        ]
    )
    m = import_map(rows)
    assert [(t.description, t.owner) for t in m.touchpoints] == [
        ("Router light", "Network"),
        ("Status page", "Digital"),
        ("Hotline", "Care"),
    ]
    assert m.touchpoints[1].stage_id == m.stages[0].id


def test_our_json_round_trips() -> None:
    original = sample_map()
    assert import_map(original.model_dump_json(), "map.json") == original
    assert import_map(original.model_dump_json().encode()) == original


def test_a_markdown_document_uses_its_first_table() -> None:
    doc = "# Notes\n\nSome prose.\n\n" + LANES_MD.split("\n\n", 1)[1] + "\n| a | b |\n|---|---|\n"
    m = import_map(doc.encode(), "notes.md")
    assert [s.name for s in m.stages] == ["Dream", "Compare", "Apply", "Approval"]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8-sig", b""), ("utf-16", b""), ("cp1252", b"")],
)
def test_encodings(encoding: str, prefix: bytes) -> None:
    text = "Stage,Rêve,Café,Über\nTouchpoints,Brochure,Visit,Call\n"
    m = import_map(prefix + text.encode(encoding), "x.csv")
    assert [s.name for s in m.stages] == ["Rêve", "Café", "Über"]


def test_emotion_cells_read_numbers_words_and_emoji() -> None:
    text = "Stage,A,B,C,D,E\nTouchpoints,a,b,c,d,e\nEmotions,−2,+1 (pleased),frustrated,😀,0\n"
    m = import_map(text)
    assert [(e.score, e.label) for e in m.emotions] == [
        (-2, ""),
        (1, "pleased"),
        (-1, "frustrated"),
        (2, "delighted"),
        (0, ""),
    ]


# --- hostile and malformed input ------------------------------------------------------------


def test_html_and_script_are_stripped_to_text() -> None:
    text = (
        "Stage,Apply,Pay\n"
        'Touchpoints,"<b>Online</b> form<script>alert(1)</script>",'
        '"&lt;img src=x onerror=1&gt;Pay page"\n'
    )
    m = import_map(text)
    assert [t.description for t in m.touchpoints] == ["Online form", "Pay page"]
    assert all("<" not in t.description for t in m.touchpoints)


def test_csv_formulas_are_never_evaluated_but_kept_as_text() -> None:
    text = 'Stage,Apply,Pay\nTouchpoints,"=HYPERLINK(""http://x"",""Call"")",=1+2\n'
    m = import_map(text)
    assert [t.description for t in m.touchpoints] == ['HYPERLINK("http://x","Call")', "1+2"]


def test_xlsx_formulas_read_as_the_saved_value_and_never_run() -> None:
    data = _xlsx([["Stage", "Apply", "Pay"], ["Touchpoints", "Form", "=1+2"]])
    m = import_map(data, "f.xlsx")
    assert [t.description for t in m.touchpoints] == ["Form"]  # no saved value: empty


def test_too_big_is_refused_before_parsing() -> None:
    assert "larger than 5 MB" in _problem(b"a" * (MAX_BYTES + 1), "big.csv")
    assert "larger than 5 MB" in _problem("{" * (MAX_BYTES + 1))


@pytest.mark.timeout(20)
def test_ten_thousand_rows_are_refused_quickly() -> None:
    rows = "".join(f"Stage {i % 5},Touchpoint {i},website\n" for i in range(10_000))
    assert "more than 550 rows" in _problem("stage,touchpoint,channel\n" + rows)
    md = "| Stage | A |\n|---|---|\n" + "| Touchpoints | x |\n" * 10_000
    assert "more than 550 rows" in _problem(md)


@pytest.mark.timeout(20)
def test_too_many_stages_or_touchpoints_or_columns() -> None:
    header = "Stage," + ",".join(f"S{i}" for i in range(40))
    assert "40 stages" in _problem(header + "\nTouchpoints," + ",".join("x" * 40) + "\n")
    cell = "; ".join(f"tp {i}" for i in range(600))
    assert "602 touchpoints" in _problem(f"Stage,A,B,C\nTouchpoints,{cell},b,c\n")
    wide = "Stage," + ",".join(f"S{i}" for i in range(100)) + "\n"
    assert "wider than 64 columns" in _problem(wide + "Touchpoints,x\n")


def test_empty_and_unrecognisable_files() -> None:
    assert "empty" in _problem(b"")
    assert "empty" in _problem(b"\xef\xbb\xbf \n\n", "x.csv")
    assert "could not find a journey map" in _problem("just some words\nand more\n")
    assert "could not find a journey map" in _problem("| a | b |\n|---|---|\n| c | d |\n")


def test_unknown_row_names_and_unreadable_emotions_say_what_to_write() -> None:
    message = _problem("Stage,A,B,C\nTouchpoints,a,b,c\nEmotions,1,7,0\n")
    assert "'7' in stage 'B'" in message and "-2 to 2" in message
    message = _problem("Stage,A,B\nTouchpoints,x,y\nEmotions,1,purple\n")
    assert "purple" in message
    message = _problem("Stage,A\nFoo,x\nBar,y\n", "x.csv")
    assert "none of the row names ('Foo', 'Bar')" in message


def test_a_first_row_without_stage_is_explained() -> None:
    assert "first row under the header has no stage" in _problem(
        "stage,touchpoint,channel\n,Form,website\n"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01binary\x00" * 10,
        b"\xff\xfe" + b"\x00\xd8",  # UTF-16 BOM, then half a surrogate pair
        b"\x81\x8d\x8f\x90\x9d" * 5,  # undefined in Windows-1252, invalid in UTF-8
    ],
)
def test_unreadable_text_is_refused(data: bytes) -> None:
    assert "could not read the file as text" in _problem(data, "x.csv")


def test_malformed_csv_and_json() -> None:
    assert "malformed" in _problem('Stage,A\nTouchpoints,"' + "x" * 200_000 + '"\n')
    assert "not valid JSON" in _problem(b"{not json", "x.json")
    assert "nested too deeply" in _problem("[" * 100_000, "x.json")
    assert "not a JourneyBot map" in _problem("[1, 2]", "x.json")
    message = _problem('{"title": "", "stages": "x"}', "x.json")
    assert "What did not fit: title" in message


@pytest.mark.timeout(20)
def test_json_with_too_many_items_is_refused_before_validation() -> None:
    touchpoints = [{"id": f"tp-{i}", "stage_id": "s", "description": "x"} for i in range(20_000)]
    data = JourneyMap(title="t").model_dump(mode="json") | {"touchpoints": touchpoints}
    import json

    assert "20000 touchpoints" in _problem(json.dumps(data), "x.json")


def test_wrong_or_refused_file_types() -> None:
    assert "cannot read .xls files" in _problem(b"\xd0\xcf\x11\xe0", "old.xls")
    assert "not an XLSX workbook" in _problem(b"hello", "x.xlsx")
    assert "damaged or not an XLSX" in _problem(b"PK\x03\x04garbage", "x.xlsx")
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "damaged or not an XLSX" in _problem(zipped.getvalue(), "x.xlsx")


def _bomb(declared: int | None = None) -> bytes:
    """A zip with one highly compressible 30 MB member; `declared` rewrites its stated size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"\0" * (30 * 1024 * 1024))
    data = bytearray(buffer.getvalue())
    if declared is not None:
        struct.pack_into("<I", data, 22, declared)  # local header: uncompressed size
        central = data.index(b"PK\x01\x02")
        struct.pack_into("<I", data, central + 24, declared)
    return bytes(data)


@pytest.mark.timeout(20)
def test_zip_bombs_are_refused_without_unpacking_them() -> None:
    assert "zip bomb" in _problem(_bomb(), "bomb.xlsx")
    assert "damaged or not an XLSX" in _problem(_bomb(declared=1000), "liar.xlsx")


def test_nothing_half_built_is_returned_when_a_late_cell_is_bad() -> None:
    with pytest.raises(ImportProblem):
        import_map("Stage,A,B\nTouchpoints,a,b\nPain points,p,q\nEmotions,1,99\n")


_ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>'
)


@pytest.mark.timeout(20)
def test_xml_entity_expansion_in_a_sheet_is_refused() -> None:
    source = zipfile.ZipFile(io.BytesIO(_xlsx([["Stage", "A"], ["Touchpoints", "x"]])))
    hostile = io.BytesIO()
    with zipfile.ZipFile(hostile, "w") as archive:
        for name in source.namelist():
            bomb = name == "xl/worksheets/sheet1.xml"
            archive.writestr(name, _ENTITY_BOMB if bomb else source.read(name))
    assert "damaged or not an XLSX" in _problem(hostile.getvalue(), "entities.xlsx")


@pytest.mark.timeout(20)
def test_pathological_markdown_is_cleaned_in_linear_time() -> None:
    cell = "*a _b " * 1300
    table = "| Stage | A |\n|---|---|\n" + f"| Touchpoints | {cell} |\n" * 500
    assert len(table) < MAX_BYTES
    m = import_map(table)
    assert len(m.touchpoints) == 500
    assert not any(mark in m.touchpoints[0].description for mark in "*_")


# --- layouts and content teams write ---------------------------------------------------------


def test_kpi_cells_keep_baseline_target_and_owner_out_of_the_name() -> None:
    text = (
        "Stage,Notice,Book,Visit\nTouchpoints,Letter (letter),Form (web),Clinic (in person)\n"
        'KPIs,,"DNA rate: baseline 11%, target 6% (owner: Outpatients manager)",'
        '"Wait: baseline 38 min; target 15 min; owner Clinic lead"\n'
    )
    m = import_map(text, "clinic.csv")
    assert [(k.name, k.baseline, k.target, k.owner) for k in m.kpis] == [
        ("DNA rate", "11%", "6%", "Outpatients manager"),
        ("Wait", "38 min", "15 min", "Clinic lead"),
    ]
    assert [t.channel for t in m.touchpoints] == ["letter", "website", "in person"]
    assert m.kpis[0].stage_id == m.stages[1].id


def test_actions_row_is_improvement_actions_with_owners_linked_to_the_pain() -> None:
    text = (
        "| Stage | Apply | Wait |\n|---|---|---|\n"
        "| Customer doing | Fills in the form | Checks email |\n"
        '| Customer thinking | "Why so long?" | Any news? |\n'
        "| Pain points | Form asks twice for the address | No status |\n"
        "| Actions | Ask for the address once — Digital | Status texts (owner: Ops) |\n"
    )
    m = import_map(text)
    assert [(a.description, a.owner) for a in m.actions] == [
        ("Ask for the address once", "Digital"),
        ("Status texts", "Ops"),
    ]
    assert [a.pain_point_id for a in m.actions] == [p.id for p in m.pain_points]
    assert [t.customer_action for t in m.touchpoints] == ["Fills in the form", "Checks email"]
    assert m.touchpoints[0].customer_thought == '"Why so long?"'


def test_a_heading_per_stage_document_in_spanish_on_a_1_to_10_scale() -> None:
    text = (
        "# Abrir una cuenta\n\nObjetivo: Más cuentas el mismo día\n"
        "Puntuación emocional de 1 a 10.\n\n"
        "## Etapa 1: Solicitar\n- Punto de contacto: Formulario (app)\n- Emoción: 2\n"
        "- Dolor: La verificación falla\n\n## Etapa 2: Cuenta abierta\n- Correo de bienvenida "
        "(email)\n- Emoción: 9\n"
    )
    imported = read_map(text, "cuenta.md")
    m = imported.map
    assert [s.name for s in m.stages] == ["Solicitar", "Cuenta abierta"]
    assert [e.score for e in m.emotions] == [-2, 2]
    assert [t.channel for t in m.touchpoints] == ["mobile app", "email"]
    assert m.scope.objective == "Más cuentas el mismo día"
    assert any("1-10" in note for note in imported.report.conversions)


def test_german_rows_and_feelings_and_what_was_ignored_is_said() -> None:
    text = (
        "Phase;Bemerken;Melden\nKontaktpunkte;Zettel (persönlich);Formular (App)\n"
        "Gefühl;verärgert;neugierig\nNotizen;frag Team;\nSchmerzpunkte;;Upload klemmt\n"
    )
    imported = read_map(text.encode(), "schaden.csv")
    assert [e.score for e in imported.map.emotions] == [-1, 1]
    assert [t.channel for t in imported.map.touchpoints] == ["in person", "mobile app"]
    assert any("Notizen" in note for note in imported.report.ignored)
    summary = render_report(imported.report, imported.map)
    assert summary.startswith("What I read (CSV (;), stages across the top)")
    assert "Ignored: the row 'Notizen'" in summary


def test_a_header_merged_over_two_columns_keeps_one_stage() -> None:
    data = _xlsx(
        [
            ["Gym journey"],
            ["Stage", "Consider", None, "Join"],
            ["Touchpoints", "Flyer", "Prices page", "Desk"],
        ]
    )
    imported = read_map(data, "gym.xlsx")
    assert [s.name for s in imported.map.stages] == ["Consider", "Join"]
    assert len(imported.map.touchpoints_in(imported.map.stages[0].id)) == 2
    assert imported.map.title == "Gym journey"
    assert any("merged" in note for note in imported.report.guesses)


def test_a_thin_template_with_empty_lanes_is_read_not_refused() -> None:
    m = import_map("Stage,Discover,Join\nTouchpoints,Ad,Form\nFeeling,,\nPain points,,\n")
    assert [s.name for s in m.stages] == ["Discover", "Join"] and not m.emotions


def test_a_refusal_lists_every_problem_at_once() -> None:
    with pytest.raises(ImportProblem) as caught:
        import_map("Stage,A,B,C\nTouchpoints,a,b,c\nEmotions,purple,1,teal\n")
    assert len(caught.value.problems) == 2
    assert "'purple' in stage 'A'" in caught.value.message
    assert "'teal' in stage 'C'" in caught.value.message


def test_stage_blocks_html_tables_and_plain_column_questions() -> None:
    blocks = (
        "Hotel stay\nObjective: More direct bookings\n\nStage: Book\nTouchpoint: Website (web)\n"
        "Emotion: 1 pleased\n\nStage: Check in\nTouchpoint: Front desk (in person)\n"
        'Emotion: -2 furious "45 minutes"\nPain: Queue at 6pm\n'
    )
    m = import_map(blocks, "hotel.txt")
    assert [s.name for s in m.stages] == ["Book", "Check in"]
    assert [p.text for p in m.pain_points] == ["Queue at 6pm"] and m.emotions[1].quote
    html = (
        "<p>Shop</p><table><tr><th>Stage</th><th>Search</th><th>Buy</th></tr>"
        "<tr><td>Touchpoints</td><td>Google (search)</td><td>Checkout<br>Receipt (email)</td></tr>"
        "</table>"
    )
    m = import_map(html)
    assert [t.description for t in m.touchpoints] == ["Google", "Checkout", "Receipt"]
    asked = (
        "Journey phase,What the customer does,Where (channel),How they feel (1-5),"
        "What goes wrong,What we will do (owner)\n"
        "Call us,Calls the line,phone,2,On hold,Call-back queue (Contact centre)\n"
    )
    m = import_map(asked, "leak.csv")
    assert (m.touchpoints[0].channel, m.emotions[0].score) == ("phone", -1)
    assert (m.actions[0].owner, m.pain_points[0].text) == ("Contact centre", "On hold")


def test_research_named_per_stage_is_the_evidence_of_its_items() -> None:
    text = (
        "Persona: Ana, nurse\nNeeds: Plain terms\nFrustrations: Jargon\n\n"
        "| Stage | Apply | Wait |\n|---|---|---|\n| Touchpoints | Form (web) | Tracker (app) |\n"
        "| Pain points | Asked twice | No news |\n| Moments of truth | | The decision |\n"
        "| Evidence | Funnel analytics 2026 | 9 interviews |\n"
    )
    imported = read_map(text)
    m = imported.map
    assert (m.personas[0].needs, m.personas[0].frustrations) == (["Plain terms"], ["Jargon"])
    assert [p.evidence.level.value for p in m.pain_points] == ["observed", "observed"]
    assert m.moments_of_truth[0].evidence.links[0].text == "9 interviews"
    assert not any("Evidence" in note for note in imported.report.ignored)


@pytest.mark.parametrize(
    "written",
    ["Toothache at night (none)", "Toothache at night (n/a)", "Toothache at night (geen)"],
)
def test_a_channel_written_as_none_on_purpose_is_kept_and_not_a_missing_channel(
    written: str,
) -> None:
    from bot.critique import critique

    text = LANES_MD.replace("Affordability calculator (website)<br>Friends", written).replace(
        "| Channels | website<br>word of mouth |", "| Channels | |"
    )
    imported = read_map(text, "map.md")
    (touchpoint,) = [t for t in imported.map.touchpoints if t.description == "Toothache at night"]
    assert touchpoint.channel == "none"
    findings = critique(imported.map).findings
    flagged = [f for f in findings if f.rule_id == "touchpoint-no-channel"]
    assert all("Toothache" not in f.problem for f in flagged)
