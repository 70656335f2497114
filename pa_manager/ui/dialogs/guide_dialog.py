"""The built-in guide: short, plain, and readable by a screen reader (rich text, not pictures)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from pa_manager.ui.keyboard import ready_dialog

GUIDE_HTML = """
<h1>Using PA Manager</h1>
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
"""


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        ready_dialog(self)
        self.setWindowTitle("PA Manager guide")
        layout = QVBoxLayout(self)
        text = QTextBrowser()
        text.setAccessibleName("Guide")
        text.setHtml(GUIDE_HTML)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 560)
