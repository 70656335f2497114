"""The help pages for the main tasks, and the words an employer meets that need explaining.

Plain English, as GOV.UK writes it: short sentences, everyday words, "you". A test holds every page,
every explanation and every message to a Flesch reading ease of 60 or more (tests/test_help_pages.py).
Pages are simple HTML (headings, lists, paragraphs), which a screen reader reads as it reads a web page.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

# A short explanation for each word of the trade, shown where the word appears (in a hint, a tooltip
# or after the word), and listed in full on the help page "Words you will meet".
GLOSSARY: dict[str, str] = {
    "PAYE": "PAYE means Pay As You Earn: you take tax and National Insurance from pay and send it to HMRC",
    "HMRC": "HMRC is the government office that collects tax",
    "NI category": "a letter HMRC uses to work out National Insurance; most people are A",
    "P45": "a P45 is the form a worker gets when they leave a job, with their pay and tax so far this tax year",
    "P60": "a P60 is the form you give each PA after the tax year ends on 5 April, with their pay and tax for the year",
    "qualifying earnings": "qualifying earnings are the part of pay that pension payments are worked out on",
    "Basic PAYE Tools": "Basic PAYE Tools is HMRC's free program for telling HMRC what you paid",
    "Employment Allowance": "Employment Allowance takes up to a set sum a year off the National Insurance you pay as an employer",
    "Accounts Office reference": "the Accounts Office reference is the code you give when you pay HMRC",
    "DBS": "a DBS check shows if someone has a criminal record that matters for care work",
    "Update Service": "the DBS Update Service keeps a DBS check up to date for a small fee each year",
    "sleep-in": "a sleep-in is a night when the PA sleeps at your home and is paid a set sum for the night",
    "National Living Wage": "the National Living Wage is the least you must pay a worker aged 21 or over",
    "Real Living Wage": "the Real Living Wage is a higher rate that employers may choose to pay; it is not the law",
    "surplus limit": "the surplus limit is the most money the council lets you keep unspent",
}


def gloss(term: str) -> str:
    """The explanation of `term`, as a sentence of its own."""
    text = GLOSSARY[term]
    return text[0].upper() + text[1:] + "."


@dataclass(frozen=True)
class HelpPage:
    key: str
    title: str
    body: str  # simple HTML

    def html(self) -> str:
        return f"<h1>{html.escape(self.title)}</h1>{self.body}"

    def text(self) -> str:
        """The words alone, for measuring how easy they are to read."""
        words = re.sub(r"<(li|p|h\d)[^>]*>", "\n", self.body)
        words = re.sub(r"<[^>]+>", "", words)
        return html.unescape(re.sub(r"\n\s*", "\n", words)).strip()


TAKING_ON_A_PA = HelpPage("taking-on-a-pa", "Taking on a PA", """
<p>Do these things before your new PA's first shift. The <b>New PA checklist</b> (Checks area, Ctrl+5)
keeps track of each step and dates it for you.</p>
<ol>
<li><b>Add them.</b> Go to People (Ctrl+2) and choose <b>Add a PA</b>. Type their name, date of birth
and address. Add their National Insurance number and tax code if you have them. The tax code is on their
P45 or starter checklist. Choose <b>Save details</b> (Ctrl+S).</li>
<li><b>Set their pay.</b> Under <b>Pay rates</b>, type the hourly rate and the date it starts. PA Manager
tells you if it is below the legal minimum for their age.</li>
<li><b>Check they can work in the UK.</b> You must do this before they start. Record how you checked and
keep a copy for 2 years after they leave.</li>
<li><b>Ask for a DBS check.</b> Your council or an umbrella body can do this for you. A DBS check shows if
someone has a criminal record that matters for care work.</li>
<li><b>Take up references.</b> Ask at least one past employer about them.</li>
<li><b>Give them a contract.</b> By law they must have a written statement of their pay, hours and
holiday on their first day.</li>
<li><b>Plan their training.</b> Record the courses they need in the Training area (Ctrl+6).</li>
</ol>
<p>If you are new to employing people, do the <b>New employer checklist</b> first. It walks you through
telling HMRC, insurance and a workplace pension.</p>
""")

PAY_DAY = HelpPage("pay-day", "A pay day", """
<p>The Dashboard (Ctrl+1) tells you when the next pay day is. On the day, or a few days before:</p>
<ol>
<li><b>Check the hours.</b> Go to Hours (Ctrl+3). Each row is a PA and each column is a day. Move with
the arrow keys. Press Enter on a day to add or change its shifts. Mark planned shifts as worked.</li>
<li><b>Work out the pay.</b> Go to Pay (Ctrl+4), check the pay date, and choose <b>Work out pay</b>. You see
each PA's pay before and after tax, National Insurance and pension.</li>
<li><b>Read any warnings.</b> Each one says what is wrong and what to do. For example, a PA paid below the
legal minimum.</li>
<li><b>Finalise.</b> When the figures are right, choose <b>Finalise</b>. This keeps a record that does not
change. Save or print the payslips and give one to each PA.</li>
<li><b>Pay everyone.</b> PA Manager lists what to pay each PA, what to pay HMRC and by when, and what to pay
the pension provider.</li>
<li><b>Tell HMRC.</b> Type the figures shown into Basic PAYE Tools. This is HMRC's free program for telling
them what you paid. Do it on or before the pay day.</li>
</ol>
<p>Made a mistake? Put it right in the next pay run. A finalised pay run is never changed.</p>
""")

COUNCIL_AUDIT = HelpPage("council-audit", "When the council asks to see your records", """
<p>The council may write to ask how you spent your direct payment. This is often called an audit or a
monitoring return. It is normal, and PA Manager keeps what they ask for.</p>
<ol>
<li>Note the dates the council asks about, and what it wants to see.</li>
<li>Go to Reports (Ctrl+8). Type the first and last day of those dates.</li>
<li>Choose each document the council asks for. You can choose the budget report, the monitoring return,
payslips, timesheets, checks and training.</li>
<li>Choose how to save them: as a PDF to print or email, or as a web page that a screen reader can read
easily.</li>
<li>Choose <b>Save</b> and pick a folder. Send the council the files it asked for.</li>
</ol>
<p>Check the Budget area (Ctrl+7) first. Every payment in and out should be there. If your bank statement
shows a different balance, choose <b>Reconcile</b> to find the difference.</p>
""")

APRIL_RISES = HelpPage("april-rises", "Pay rises in April", """
<p>The legal minimum wage goes up on 1 April most years. From January, the Dashboard (Ctrl+1) tells you
which PAs it affects, and by how much.</p>
<ol>
<li><b>Find out who needs a rise.</b> The Dashboard lists each PA whose rate will be below the new minimum.
A PA who has a birthday may move up a band too, for example at 21.</li>
<li><b>Add the new rate.</b> Go to People (Ctrl+2), choose the PA, and add the new hourly rate with the
date it starts. Keep the old rate: past pay is then still worked out right.</li>
<li><b>See what it costs.</b> Go to Budget (Ctrl+7). It shows the cost of the year ahead at the new rates,
set against your direct payment.</li>
<li><b>Ask the council for more if you need it.</b> If the rise costs more than the council pays, choose
<b>Save letter asking for a review</b>. The letter sets out the figures for you.</li>
</ol>
<p>You may choose to pay the Real Living Wage. It is higher than the legal minimum, but it is not the law.
Turn it on in Edit, then Change employer details.</p>
""")


def _words_page() -> HelpPage:
    items = "".join(f"<li><b>{html.escape(term)}</b>: {html.escape(gloss(term))}</li>" for term in GLOSSARY)
    return HelpPage("words", "Words you will meet", f"<p>What the words of the job mean.</p><ul>{items}</ul>")


USING_THE_APP = HelpPage("using", "Using PA Manager by keyboard, with a screen reader or larger text", """
<ul>
<li>Go to an area with Ctrl and its number: Ctrl+1 for the Dashboard, Ctrl+2 for People, and so on.
The cursor goes to the first thing in the area.</li>
<li>Tab moves to the next thing, and Shift+Tab goes back. In a table or list, the arrow keys move
inside it and Tab moves on.</li>
<li>Press Alt and the underlined letter of a label to go to that field.</li>
<li>If something you type is wrong, the cursor goes to the first field to put right, and a message
under it says what to do.</li>
<li>Make the text larger with Ctrl and = and smaller with Ctrl and minus. PA Manager starts at the size
your computer uses.</li>
<li>For white and yellow on black, choose Edit, then Text size and contrast, then High contrast.</li>
<li>Every change can be undone with Ctrl+Z.</li>
</ul>
""")

OVERVIEW = HelpPage("overview", "Using PA Manager", """
<p>PA Manager helps you employ personal assistants (PAs) with a direct payment or personal budget.</p>
<h2>Getting started</h2>
<ol>
<li>Choose <b>File</b>, then <b>New employer</b>, and enter the details of the person who holds the
direct payment. You can leave anything you do not know yet blank.</li>
<li>Go to <b>People</b> (Ctrl+2) and choose <b>Add a PA</b>. Enter their details and their hourly rate,
then choose <b>Save details</b> (Ctrl+S).</li>
<li>The <b>Dashboard</b> (Ctrl+1) lists anything that is still missing. Press Enter on an item to go to
where you can add it.</li>
</ol>
<h2>The areas</h2>
<p>The areas are listed on the left, each with a shortcut: Ctrl+1 for the first, Ctrl+2 for the second, and so on.</p>
<ul>
<li><b>Hours</b>: a week of shifts for every PA. Use the arrow keys to move and Enter to add or change a day's shifts.
Set up a <b>rota</b> for shifts that repeat, then mark planned shifts as worked.</li>
<li><b>Pay</b>: choose the pay date, work out the pay, read any warnings, then finalise. You are told what to pay
each PA, HMRC and the pension provider, and can save the payslips.</li>
<li><b>Checks</b>: DBS checks, right-to-work checks, references and contracts for each PA, and your duties as an
employer. The checklists walk you through a new PA or a new employer.</li>
<li><b>Training</b>, <b>Budget</b>: training records and refreshers; the direct-payment budget, its forecast and
the case for a review.</li>
<li><b>Caseload</b>: every employer in this file with what is overdue, for advocates and council staff.</li>
<li><b>Wage calculator</b>: check whether pay is legal for any worker.</li>
</ul>
<h2>Several employers</h2>
<p>If you help more than one person (for example as an advocate), add each as an employer. Choose who
you are working on from the <b>Employer</b> list at the top of the window (Alt+Y).</p>
<p>To hand one person's records to someone else, choose <b>File</b>, then <b>Export employer</b>. They
can add the file to their own PA Manager with <b>File</b>, then <b>Import employer</b>.</p>
<h2>Moving from a spreadsheet</h2>
<p>Choose <b>File</b>, then <b>Import staff list</b>. The file can be CSV or XLSX. Its first row must
name the columns: name, date_of_birth, ni_number, and if you have them start_date, hourly_rate,
tax_code and ni_category. If any row has a problem, nothing is imported and each problem is listed
with its line number, so you can correct the file and try again.</p>
<h2>Mistakes</h2>
<p>Every change can be undone with <b>Edit</b>, then <b>Undo</b> (Ctrl+Z), and redone with Ctrl+Shift+Z.</p>
<h2>Your data</h2>
<p>Your records are kept in one file on this computer. Before PA Manager upgrades an older file it
saves a copy beside it, with the date in its name.</p>
""")

PAGES: tuple[HelpPage, ...] = (OVERVIEW, TAKING_ON_A_PA, PAY_DAY, COUNCIL_AUDIT, APRIL_RISES, USING_THE_APP, _words_page())
# Which page F1 opens in each area (by the area's title); the first page elsewhere.
PAGE_FOR_AREA = {"People": "taking-on-a-pa", "Checks": "taking-on-a-pa", "Hours": "pay-day", "Pay": "pay-day",
                 "Reports": "council-audit", "Budget": "april-rises", "Dashboard": "pay-day",
                 "Training": "taking-on-a-pa", "Caseload": "council-audit", "Wage calculator": "april-rises"}


def page(key: str) -> HelpPage:
    return next(p for p in PAGES if p.key == key)
