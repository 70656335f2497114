"""A PA's attachment of earnings orders: a form to record a court's order, the orders already recorded,
and for the one chosen what has been taken on each pay day and a way to stop it
(services.earnings_orders). Everything is reached by Tab and typed; the lists are named by their labels
for a screen reader."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QPushButton

from pa_manager.domain import attachment_of_earnings as aeo
from pa_manager.earnings_order_words import KIND_NAMES, PERIOD_NAMES
from pa_manager.wording import earnings_order_text, earnings_order_pay_day_text
from pa_manager.messages import say
from pa_manager.domain.pay_frequency import PayFrequency
from pa_manager.services import earnings_orders, employers
from pa_manager.services.data_files import Database
from pa_manager.services.errors import ServiceError, ValidationFailed
from pa_manager.ui.dialogs.check_dialogs import _CheckDialog as FormDialog, _Wrong
from pa_manager.ui.widgets.form import add_row
from pa_manager.ui.widgets.inputs import DateEdit, DecimalEdit, InputError, WrappingCheckBox
from pa_manager.ui.widgets.paragraph import paragraph


class EarningsOrderDialog(FormDialog):
    """The form for a new order, then the PA's orders in a list (choose one to see what has been taken
    under it, and to stop it)."""

    def __init__(self, db: Database, employer_id: int, pa_id: int, pa_name: str, today, parent=None):
        super().__init__(
            f"Attachment of earnings for {pa_name}",
            "Record an attachment of earnings order a court has sent you. PA Manager takes the deduction from "
            "the pay left after tax, National Insurance and pension in each pay run, never leaving less than "
            "the protected earnings the order states, and shows it on the payslip. Pay the amounts taken to "
            "the court. Choose an order in the list below the form to see what has been taken or to stop it.",
            parent, scroll=True)
        self.db, self.employer_id, self.pa_id, self.pa_name, self.today = db, employer_id, pa_id, pa_name, today
        self.stopped_change = None

        self.kind = QComboBox()
        for code in aeo.KINDS:
            self.kind.addItem(KIND_NAMES[code], code)
        self.reference = QLineEdit()
        self.court = QLineEdit()
        self.start = DateEdit()
        self.normal = DecimalEdit(money=True)
        self.protected = DecimalEdit(money=True)
        self.per = QComboBox()
        for code in aeo.RATE_PERIODS:
            self.per.addItem(PERIOD_NAMES[code], code)
        monthly = employers.get_employer(db, employer_id).pay_frequency is PayFrequency.MONTHLY
        self.per.setCurrentIndex(self.per.findData(aeo.MONTH if monthly else aeo.WEEK))   # as the PA is paid
        self.total = DecimalEdit(money=True)
        self.take_fee = WrappingCheckBox("Take the £1 fee the law allows each time you make a deduction")
        self.take_fee.setChecked(True)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.notes.fontMetrics().lineSpacing() * 4)
        self.rows["kind"] = add_row(self.form, "What the order is for:", self.kind,
                                    "The order says whether it is for a judgment debt or for maintenance")
        self.rows["reference"] = add_row(self.form, "Order reference:", self.reference)
        self.rows["issued_by"] = add_row(self.form, "Court:", self.court, "The court that made the order, to pay")
        self.rows["start_date"] = add_row(self.form, "Deduct from pay days on or after:", self.start)
        self.rows["normal_deduction_rate"] = add_row(self.form, "Normal deduction rate in pounds:", self.normal)
        self.rows["protected_earnings_rate"] = add_row(self.form, "Protected earnings rate in pounds:", self.protected)
        self.rows["rate_period"] = add_row(self.form, "The rates are for:", self.per,
                                           "A week for a PA paid weekly, fortnightly or four-weekly; a month for a "
                                           "PA paid monthly")
        self.rows["total_to_pay"] = add_row(self.form, "Total to pay in pounds:", self.total,
                                            "Leave blank if the order does not say")
        self.rows["take_fee"] = add_row(self.form, "Employer's fee:", self.take_fee)
        self.rows["notes"] = add_row(self.form, "Notes:", self.notes)

        self.order_list = QListWidget()
        self.paid_list = QListWidget()
        for view in (self.order_list, self.paid_list):
            view.setWordWrap(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setResizeMode(QListWidget.ResizeMode.Adjust)
            view.setMaximumHeight(view.fontMetrics().lineSpacing() * 8)
        self.rows["orders"] = add_row(self.form, "Orders recorded:", self.order_list,
                                      "Choose an order to see what has been taken under it")
        self.summary = paragraph()
        self.form.addRow(self.summary)
        self.rows["paid"] = add_row(self.form, "Taken on each pay day:", self.paid_list)
        self.stop_on = DateEdit()
        self.rows["stop_on"] = add_row(self.form, "Stop the chosen order from:", self.stop_on,
                                       "No deduction on a pay day on or after this day")
        self.stop_button = QPushButton("S&top this order")
        self.stop_button.setToolTip("Stop the chosen order from the day above (you can undo this)")
        self.form.addRow(self.stop_button)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.order_list.currentRowChanged.connect(self._on_order_list_current_row_changed)
        self._fill()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.kind.setFocus()

    def _fill(self) -> None:
        self.records = earnings_orders.list_orders(self.db, self.employer_id, self.pa_id)
        self.order_list.clear()
        for record in self.records:
            self.order_list.addItem(earnings_order_text(record))
        if self.records:
            self.order_list.setCurrentRow(0)
        else:
            self._on_order_list_current_row_changed(-1)

    def _chosen(self):
        row = self.order_list.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _on_order_list_current_row_changed(self, row: int) -> None:
        record = self._chosen()
        self.paid_list.clear()
        can_stop = record is not None and record.end_date is None
        self.stop_button.setEnabled(can_stop)
        self.stop_on.setEnabled(can_stop)
        if record is None:
            self.summary.setText("No orders are recorded for this PA.")
            return
        self.summary.setText(earnings_order_text(record))
        for paid in record.pay_days:
            self.paid_list.addItem(earnings_order_pay_day_text(paid))
        if not record.pay_days:
            self.paid_list.addItem("Nothing has been taken yet.")

    def _on_stop_button_clicked(self) -> None:
        record = self._chosen()
        if record is None:
            return
        self.rows["stop_on"].show_error(None)
        try:
            on = self.stop_on.value() or self.today()
            done = earnings_orders.stop_order_undoably(self.db, self.employer_id, record.id, on)
        except InputError as error:
            self.rows["stop_on"].show_error(say(error))
            return
        except ValidationFailed as failure:
            self.rows["stop_on"].show_error(say(failure))
            return
        except ServiceError as error:
            self.rows["stop_on"].show_error(say(error))
            return
        self.stopped_change = done.change
        self.change = done.change
        row = self.order_list.currentRow()
        self._fill()
        self.order_list.setCurrentRow(row)

    def _money(self, key: str, field: DecimalEdit, missing: str | None = None):
        try:
            value = field.value()
        except InputError as error:
            raise _Wrong(key, say(error)) from None
        if value is None and missing:
            raise _Wrong(key, missing)
        return value

    def _save(self) -> None:
        details = earnings_orders.OrderDetails(
            kind=self.kind.currentData(), reference=self.reference.text(), issued_by=self.court.text(),
            start_date=self._date("start_date", "Enter the first pay day to deduct on, or a day before it."),
            normal_deduction_rate=self._money("normal_deduction_rate", self.normal,
                                              "Enter the normal deduction rate from the order."),
            protected_earnings_rate=self._money("protected_earnings_rate", self.protected,
                                                "Enter the protected earnings rate from the order."),
            rate_period=self.per.currentData(), total_to_pay=self._money("total_to_pay", self.total),
            take_fee=self.take_fee.isChecked(), notes=self.notes.toPlainText())
        self._keep(earnings_orders.add_order_undoably(self.db, self.employer_id, self.pa_id, details))
