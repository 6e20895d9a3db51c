# ruff: noqa: E501  (rows of spreadsheet data read best one row a line)
"""Writes the corpus's .xlsx maps the way spreadsheet templates lay them out: a merged title
row, key/value rows above the grid, header cells merged over several columns, several sheets.

Run: python tests/critique/real_corpus/make_xlsx.py (needs openpyxl)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
BAND = PatternFill("solid", fgColor="DDEBF7")


def title(ws: Worksheet, text: str, width: int) -> None:
    ws.append([text])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)
    ws.cell(ws.max_row, 1).font = Font(bold=True, size=16)


def rows(ws: Worksheet, data: list[list[object]]) -> None:
    for row in data:
        ws.append(row)
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for cell in ws[ws.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def dentist() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Journey map"
    title(ws, "Dental check-up journey – Smile Street Dental", 6)
    rows(
        ws,
        [
            ["Objective", "Get lapsed patients (2+ years) back for a check-up"],
            ["Scenario", "A patient who has not been for 3 years books and attends a check-up"],
            ["Persona", "Marco, 29, anxious about dentists"],
            ["Goals", "No surprises on cost; no pain"],
            ["Data source", "10 patient interviews, booking data 2025-26"],
            ["Research basis", "10 patient interviews, booking data 2025-26, Google reviews"],
            ["Map owner", "Hannah Cole (Practice manager)"],
            [],
            [
                "Stage",
                "Realise it's overdue",
                "Book",
                "Wait for the day",
                "Appointment",
                "Aftercare",
            ],
            [
                "Touchpoints",
                "Toothache at night (none)\nRecall letter (letter)",
                "Online booking (website)",
                "Reminder (sms)",
                "Check-up (in person)\nTreatment plan (email)",
                "Review request (email)",
            ],
            ["Owner", "Reception", "Digital", "Reception", "Dentists", "Reception"],
            ["Emotion score", -1, 0, -1, 1, 2],
            ["Emotion", "embarrassed", "unsure", "nervous", "relieved", "pleased"],
            ["Quotes", "", "", "I nearly cancelled the night before", "", ""],
            [
                "Pain points",
                "Recall letter sounds like a telling-off",
                "",
                "No idea what it will cost",
                "",
                "",
            ],
            [
                "Delight points",
                "",
                "",
                "",
                "Dentist explains before touching anything",
                "Clear written plan",
            ],
            ["Moments of truth", "", "", "", "The first 5 minutes in the chair", ""],
            [
                "Actions",
                "Rewrite the recall letter — Reception",
                "",
                "Send prices with the reminder — Practice manager",
                "",
                "",
            ],
            [
                "KPIs",
                "",
                "Lapsed patients booked: baseline 40/month, target 90/month, owner Practice manager",
                "",
                "",
                "",
            ],
        ],
    )
    wb.save(HERE / "c06-dentist-merged-title.xlsx")


def coworking() -> None:
    wb = Workbook()
    about = wb.active
    about.title = "About"
    title(about, "Coworking membership – journey map (v3)", 4)
    rows(
        about,
        [
            ["Objective", "Turn more day-pass visitors into monthly members"],
            ["Scenario", "A freelancer tries a day pass and decides whether to join"],
            ["Research basis", "12 member interviews, day-pass survey (n=210), door-access data"],
            ["Audience", "Community and sales team"],
            ["Map owner", "Ines Duarte"],
        ],
    )
    persona = wb.create_sheet("Persona")
    rows(
        persona,
        [
            ["Persona", "Leo, freelance designer"],
            ["Goals", "A quiet desk near home; meet other freelancers"],
            ["Data source", "12 member interviews"],
        ],
    )
    ws = wb.create_sheet("Journey")
    ws.append(["", "Discover", "", "Try a day pass", "", "Join", "Settle in"])
    ws.merge_cells("B1:C1")
    ws.merge_cells("D1:E1")
    for cell in ws[1]:
        cell.fill = BAND
    rows(
        ws,
        [
            [
                "Touchpoints",
                "Instagram post (social media)",
                "Google Maps listing (search)",
                "Front desk welcome (in person)",
                "Wi-Fi login (website)",
                "Membership checkout (website)",
                "Member Slack (chat)",
            ],
            ["Owner", "Marketing", "Marketing", "Community team", "IT", "Sales", "Community team"],
            [
                "Emotion",
                "1 curious",
                "",
                '-1 lost "Nobody told me where the kitchen was"',
                "",
                "1 confident",
                "2 delighted",
            ],
            [
                "Pain points",
                "",
                "",
                "No tour for day-pass visitors",
                "Wi-Fi code on a sticky note",
                "",
                "",
            ],
            ["Delight points", "", "", "", "", "", "First-week coffee with the community manager"],
            ["Moments of truth", "", "", "First hour in the space", "", "", ""],
            [
                "Opportunities",
                "",
                "",
                "5-minute tour for every day pass (owner: Community team)",
                "",
                "",
                "",
            ],
            [
                "KPIs",
                "",
                "",
                "Day-pass to member: baseline 9%, target 15%, owner Sales lead",
                "",
                "",
                "",
            ],
        ],
    )
    wb.save(HERE / "c09-coworking-sheets.xlsx")


def huurwoning() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Klantreis"
    title(ws, "Klantreis huurwoning zoeken", 5)
    rows(
        ws,
        [
            ["Doel", "Minder afgebroken aanvragen voor huurwoningen"],
            ["Scenario", "Een starter zoekt via ons platform een eerste huurwoning in Utrecht"],
            ["Persona", "Eva, 26, starter op de woningmarkt"],
            ["Doelen", "Binnen 3 maanden een woning"],
            ["Bron", "8 interviews, zoekdata 2026"],
            ["Onderzoek", "8 interviews met huurders, zoekdata 2026, NPS-enquête"],
            ["Eigenaar", "Sanne de Vries"],
            [],
            ["Fase", "Oriënteren", "Zoeken", "Bezichtigen", "Aanvragen", "Sleutel ophalen"],
            [
                "Contactmomenten",
                "Zoekopdracht (website)",
                "Zoekalert (e-mail)",
                "Bezichtiging (in persoon)",
                "Aanvraagformulier (website)",
                "Sleuteloverdracht (in persoon)",
            ],
            ["Eigenaar", "Marketing", "Product", "Makelaars", "Verhuurteam", "Verhuurteam"],
            ["Emotie (%)", "60%", "40%", "75%", "15%", "95%"],
            [
                "Pijnpunten",
                "",
                "Alerts komen pas na een dag",
                "",
                "Elke keer opnieuw documenten uploaden",
                "",
            ],
            [
                "Kansen",
                "",
                "Directe pushmeldingen — Product",
                "",
                "Documentenkluis hergebruiken — Product",
                "",
            ],
            ["Momenten van de waarheid", "", "", "", "Reactie op de aanvraag", ""],
            ["Hoogtepunten", "", "", "Makelaar neemt de tijd", "", ""],
            [
                "KPI's",
                "",
                "",
                "",
                "Afgeronde aanvragen: nulmeting 48%, doel 70%, eigenaar Hoofd verhuur",
                "",
            ],
        ],
    )
    wb.save(HERE / "l04-nl-huurwoning-percent.xlsx")


def gym_merged_header() -> None:
    """A workshop template: one stage header merged over two touchpoint columns, empty lanes."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    title(ws, "Gym membership – workshop draft", 7)
    ws.append(["Stage", "Consider joining", "", "Join", "First visit", "", "Stay or quit"])
    ws.merge_cells(start_row=2, start_column=2, end_row=2, end_column=3)
    ws.merge_cells(start_row=2, start_column=5, end_row=2, end_column=6)
    rows(
        ws,
        [
            [
                "Touchpoints",
                "Flyer (letter)",
                "Website prices (website)",
                "Sign-up desk (in person)",
                "Induction (in person)",
                "App class booking (mobile app)",
                "Cancellation email (email)",
            ],
            ["Emotions", "", "", "", "", "", ""],
            ["Pain points", "", "", "", "", "", ""],
            ["Opportunities", "", "", "", "", "", ""],
        ],
    )
    wb.save(HERE / "t07-gym-merged-header.xlsx")


def parking_inside_out() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Map"
    title(ws, "Residents' parking permit", 5)
    rows(
        ws,
        [
            ["Objective", "Cut permit applications that need a second contact"],
            ["Scenario", "A resident who just moved in applies for a parking permit"],
            ["Persona", "Omar, new resident with one car"],
            ["Goals", "Park legally from the first week"],
            ["Data source", "Contact-centre logs 2026"],
            ["Research", "Contact-centre logs 2026, 6 interviews"],
            ["Owner", "Parking services manager"],
            [],
            [
                "Stage",
                "Find out a permit is needed",
                "Eligibility check",
                "Case management",
                "Permit issued",
            ],
            [
                "Touchpoints",
                "Council parking page (website)",
                "Proof of address upload (website)",
                "Back office data entry (internal)",
                "Permit email (email)",
            ],
            ["Owner", "Web team", "Parking services", "Parking services", "Parking services"],
            [
                "Emotion",
                "0 unsure",
                "-1 frustrated",
                '-2 angry "Three weeks and no answer"',
                "1 relieved",
            ],
            ["Pain points", "", "Upload rejects phone photos", "No status updates for weeks", ""],
            [
                "Actions",
                "",
                "Accept photos of documents — Web team",
                "Status emails at each step — Parking services",
                "",
            ],
            ["Moments of truth", "", "", "The wait for a decision", ""],
            ["Delights", "", "", "", "Virtual permit works immediately"],
            [
                "KPIs",
                "",
                "Second contacts: baseline 34%, target 10%, owner Parking services manager",
                "",
                "",
            ],
        ],
    )
    wb.save(HERE / "f08-parking-inside-out.xlsx")


def utilities_move_in() -> None:
    """A utility's CX workbook: an About sheet with the scope, the map on a second sheet under a
    merged title, stages across, feelings as words."""
    wb = Workbook()
    about = wb.active
    about.title = "About"
    title(about, "Moving in: energy account set-up", 2)
    rows(
        about,
        [
            [
                "Objective",
                "Cut first bills based on estimated meter readings from 38% to 10% of move-ins",
            ],
            [
                "Scenario",
                "A couple moves into a rented flat and takes over the electricity and gas account",
            ],
            ["Persona", "Sam and Jo, first flat together"],
            ["Goals", "Only pay for what they use; sort it in one go"],
            ["Data source", "12 mover interviews, move-in contact reasons 2026"],
            [
                "Research basis",
                "12 mover interviews, move-in contact reasons 2026, first-bill complaint sample",
            ],
            ["Owner", "Lena Fischer, Home Moves product owner"],
        ],
    )
    ws = wb.create_sheet("Journey")
    title(ws, "Journey – move-in (current state, Nov 2026)", 6)
    rows(
        ws,
        [
            [
                "Stage",
                "Find out who supplies the flat",
                "Take a meter reading",
                "Set up the account",
                "First bill",
                "Settle in",
            ],
            [
                "Touchpoints",
                "Letting agent's move-in email (email)\nNeighbour's tip (word of mouth)",
                "Meter in the hallway cupboard (-)",
                "Move-in form (website)\nWelcome pack (email)",
                "First bill (app)",
                "Usage graph (app)",
            ],
            ["Owner", "Home Moves", "Home Moves", "Digital team", "Billing", "Digital team"],
            ["Customer thinking", "", '"Which of these numbers do they want?"', "", "", ""],
            ["Emotion", "confused", "annoyed", "happy", "worried", "calm"],
            [
                "Pain points",
                "Agent email names last year's supplier",
                "Two-rate meter, form asks for one reading",
                "",
                "Bill estimated although they sent a reading",
                "",
            ],
            [
                "Actions",
                "Ask letting agents to link our move-in page — Partnerships",
                "Photo reading with the app — Digital team",
                "",
                "Use the move-in reading for the first bill — Billing",
                "",
            ],
            ["Moments of truth", "", "", "", "Opening the first bill", ""],
            ["Delights", "", "", "Account live in 5 minutes", "", "Weekly usage tip"],
            [
                "KPIs",
                "",
                "",
                "",
                "Estimated first bills: baseline 38%, target 10%, owner Billing manager",
                "",
            ],
        ],
    )
    wb.save(HERE / "h03-utilities-move-in-sheets.xlsx")


def number_porting() -> None:
    """A workshop export: stage headers merged over two touchpoint columns, no owners, no
    actions, no KPIs."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Map"
    title(ws, "Switching mobile network and keeping my number", 7)
    rows(
        ws,
        [
            [
                "Objective: Make number transfers feel safe; Scenario: A customer moves to us from another network and keeps her number; Persona: Nadia, 52, runs a cleaning business from her phone; Research: 7 switcher interviews, porting failure logs"
            ],
            ["Goals", "Never miss a client's call"],
            ["Data source", "7 switcher interviews (Oct 2026)"],
            ["Map owner", "Porting squad"],
            [],
            ["Stage", "Decide to switch", "", "Order the SIM", "Transfer day", "", "First month"],
            [
                "Touchpoint",
                "Comparison site (search)",
                "Shop visit (in store)",
                "Online order (website)",
                "PAC code text (sms)",
                "Activation (app)",
                "Bill (app)",
            ],
            ["Feeling", "1", "", "1", "-2", "", "1"],
            ["Pains", "", "", "", "No calls for 9 hours on transfer day", "", ""],
            ["", "", "", "", "Nobody says when the number will work", "", ""],
            ["Quotes", "", "", "", '"I lost two jobs that morning"', "", ""],
            ["Moment of truth", "", "", "", "The first call that comes through", "", ""],
            ["Delight", "", "", "SIM arrives next day", "", "", ""],
        ],
    )
    ws.merge_cells(start_row=7, start_column=2, end_row=7, end_column=3)
    ws.merge_cells(start_row=7, start_column=5, end_row=7, end_column=6)
    wb.save(HERE / "h12-number-porting-merged.xlsx")


if __name__ == "__main__":
    dentist()
    coworking()
    huurwoning()
    gym_merged_header()
    parking_inside_out()
    utilities_move_in()
    number_porting()
