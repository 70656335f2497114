"""FPS, EPS and NINO Verification Request files in HMRC's RTI XML: the IRenvelope in a GovTalk message, with its IRmark, checked
against PA Manager's own schemas (schemas/) and the HMRC business rules that can be checked here.

A saved file is a whole GovTalk submission without the sender's credentials: those are added when it
is sent (govtalk.with_sender), which leaves the IRmark as it is, because the IRmark covers the Body only.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from importlib import resources

from lxml import etree

from pa_manager.domain.nvreq import NVREQ, Nvreq
from pa_manager.domain.rti import EPS, FPS, Eps, Fps, RtiError, related_tax_year
from pa_manager.domain.tax_year import tax_year_end, tax_year_start
from pa_manager.hmrc import govtalk
from pa_manager.hmrc.irmark import IRmarkError, irmark, stated_irmark

ENVELOPE_NS = govtalk.ENVELOPE_NS
# The RTI namespace changes each tax year. The years whose namespace PA Manager knows (HMRC's RTI
# technical specifications for each year; 2025-26 from HMRC's RIM artefacts, 2026-27 from HMRC's 2026
# Recognition instructions, as quoted in public repositories; 2024-25 from public payroll code).
NAMESPACE_PATTERN = {
    FPS: "http://www.govtalk.gov.uk/taxation/PAYE/RTI/FullPaymentSubmission/{year}/1",
    EPS: "http://www.govtalk.gov.uk/taxation/PAYE/RTI/EmployerPaymentSummary/{year}/1",
}
TAX_YEARS = ("2024-25", "2025-26", "2026-27")
# The NINO Verification Request's namespace is the same every year, and its message class is
# HMRC-PAYE-RTI-NVR (HMRC's business rule 7839 allows that one, or HMRC-PAYE-RTI-NVR-TIL for tests in
# live; HMRC's RIM artefacts for the NVR, as quoted in public repositories).
NVREQ_NAMESPACE = "http://www.govtalk.gov.uk/taxation/PAYE/RTI/NINOverificationRequest/1"
NVREQ_MESSAGE_CLASSES = ("HMRC-PAYE-RTI-NVR", "HMRC-PAYE-RTI-NVR-TIL")
MESSAGE_CLASS = {FPS: "HMRC-PAYE-RTI-FPS", EPS: "HMRC-PAYE-RTI-EPS", NVREQ: NVREQ_MESSAGE_CLASSES[0]}
SCHEMA_FILE = {FPS: "FullPaymentSubmission.xsd", EPS: "EmployerPaymentSummary.xsd",
               NVREQ: "NINOverificationRequest.xsd"}
TOP_ELEMENT = {FPS: "FullPaymentSubmission", EPS: "EmployerPaymentSummary", NVREQ: "NINOverificationRequest"}
SENDER = "Employer"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def namespace(kind: str, tax_year: str) -> str:
    if tax_year not in TAX_YEARS:
        raise RtiError("RTI_TAX_YEAR_UNKNOWN", tax_year)
    return NAMESPACE_PATTERN[kind].format(year=related_tax_year(tax_year))


def _money(amount: Decimal) -> str:
    text = f"{amount.quantize(Decimal('0.01')):f}"
    return "0.00" if text in ("-0.00", "0.00") else text


class _Writer:
    def __init__(self, ns: str) -> None:
        self.ns = ns

    def el(self, parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
        element = etree.SubElement(parent, f"{{{self.ns}}}{tag}", {k: v for k, v in attributes.items() if v})
        if text is not None:
            element.text = text
        return element

    def money(self, parent: etree._Element, tag: str, amount: Decimal | None, *, skip_zero: bool = False) -> None:
        if amount is None or (skip_zero and amount == 0):
            return
        self.el(parent, tag, _money(amount))

    def header(self, root: etree._Element, office: str, reference: str, period_end: date, *,
               currency: bool = True) -> None:
        header = self.el(root, "IRheader")
        keys = self.el(header, "Keys")
        self.el(keys, "Key", office, Type="TaxOfficeNumber")
        self.el(keys, "Key", reference, Type="TaxOfficeReference")
        self.el(header, "PeriodEnd", period_end.isoformat())
        if currency:
            self.el(header, "DefaultCurrency", "GBP")
        self.el(header, "IRmark", "", Type="generic")
        self.el(header, "Sender", SENDER)


def fps_envelope(fps: Fps, late_reason: str | None = None) -> etree._Element:
    """The IRenvelope of an FPS. `late_reason`: HMRC's late reporting reason letter, when sent after the
    pay day."""
    w = _Writer(namespace(FPS, fps.tax_year))
    root = etree.Element(f"{{{w.ns}}}IRenvelope", nsmap={None: w.ns})
    w.header(root, fps.employer.office_number, fps.employer.paye_reference, fps.pay_date)
    top = w.el(root, "FullPaymentSubmission")
    refs = w.el(top, "EmpRefs")
    w.el(refs, "OfficeNo", fps.employer.office_number)
    w.el(refs, "PayeRef", fps.employer.paye_reference)
    w.el(refs, "AORef", fps.employer.accounts_office_reference)
    w.el(top, "RelatedTaxYear", fps.related_tax_year)
    for e in fps.employees:
        employee = w.el(top, "Employee")
        details = w.el(employee, "EmployeeDetails")
        if e.ni_number:
            w.el(details, "NINO", e.ni_number)
        name = w.el(details, "Name")
        for forename in e.forenames:
            w.el(name, "Fore", forename)
        w.el(name, "Sur", e.surname)
        if e.address_lines:
            address = w.el(details, "Address")
            for line in e.address_lines:
                w.el(address, "Line", line)
            if e.postcode:
                w.el(address, "UKPostcode", e.postcode)
        w.el(details, "BirthDate", e.birth_date.isoformat())
        w.el(details, "Gender", e.gender)
        employment = w.el(employee, "Employment")
        if e.starter is not None:
            starter = w.el(employment, "Starter")
            w.el(starter, "StartDate", e.starter.start_date.isoformat())
            w.el(starter, "StartDec", e.starter.declaration)
            if e.starter.student_loan:
                w.el(starter, "StudentLoan", "yes")
            if e.starter.postgraduate_loan:
                w.el(starter, "PostgradLoan", "yes")
        if e.payroll_id:
            w.el(employment, "PayId", e.payroll_id)
        if e.leaving_date is not None:
            w.el(employment, "LeavingDate", e.leaving_date.isoformat())
        figures = w.el(employment, "FiguresToDate")
        w.money(figures, "TaxablePay", e.taxable_pay_to_date)
        w.money(figures, "TotalTax", e.tax_to_date)
        w.money(figures, "StudentLoansTD", e.student_loan_to_date)
        w.money(figures, "PostgradLoansTD", e.postgraduate_loan_to_date)
        w.money(figures, "EmpeePenContribnsPaidYTD", e.pension_paid_to_date, skip_zero=True)
        w.money(figures, "EmpeePenContribnsNotPaidYTD", e.pension_not_paid_to_date, skip_zero=True)
        payment = w.el(employment, "Payment")
        w.el(payment, "PayFreq", e.pay_frequency)
        w.el(payment, "PmtDate", e.payment_date.isoformat())
        if late_reason:
            w.el(payment, "LateReason", late_reason)
        if e.week_number is not None:
            w.el(payment, "WeekNo", str(e.week_number))
        else:
            w.el(payment, "MonthNo", str(e.month_number))
        w.el(payment, "PeriodsCovered", str(e.periods_covered))
        w.el(payment, "HoursWorked", e.hours_band)
        w.el(payment, "TaxCode", e.tax_code.code, BasisNonCumulative="yes" if e.tax_code.non_cumulative else "",
             TaxRegime=e.tax_code.regime or "")
        w.money(payment, "TaxablePay", e.taxable_pay)
        w.money(payment, "NonTaxOrNICPmt", e.non_tax_or_nic_payment, skip_zero=True)
        w.money(payment, "DednsFromNetPay", e.deductions_from_net_pay, skip_zero=True)
        w.money(payment, "PayAfterStatDedns", e.pay_after_statutory_deductions)
        w.money(payment, "EmpeePenContribnsPaid", e.pension_paid, skip_zero=True)
        w.money(payment, "EmpeePenContribnsNotPaid", e.pension_not_paid, skip_zero=True)
        if e.student_loan_plan_type is not None:
            w.el(payment, "StudentLoanRecovered", _money(e.student_loan), PlanType=e.student_loan_plan_type)
        w.money(payment, "PostgradLoanRecovered", e.postgraduate_loan)
        w.money(payment, "TaxDeductedOrRefunded", e.tax)
        for ni in e.ni:
            block = w.el(employment, "NIlettersAndValues")
            w.el(block, "NIletter", ni.letter)
            for tag, amount in (("GrossEarningsForNICsInPd", ni.gross_in_period),
                                ("GrossEarningsForNICsYTD", ni.gross_to_date), ("AtLELYTD", ni.at_lel_to_date),
                                ("LELtoPTYTD", ni.lel_to_pt_to_date), ("PTtoUELYTD", ni.pt_to_uel_to_date),
                                ("TotalEmpNICInPd", ni.total_in_period), ("TotalEmpNICYTD", ni.total_to_date),
                                ("EmpeeContribnsInPd", ni.employee_in_period),
                                ("EmpeeContribnsYTD", ni.employee_to_date)):
                w.money(block, tag, amount)
    if fps.final_for_year:
        final = w.el(top, "FinalSubmission")
        w.el(final, "ForYear", "yes")
    return root


def eps_envelope(eps: Eps) -> etree._Element:
    w = _Writer(namespace(EPS, eps.tax_year))
    root = etree.Element(f"{{{w.ns}}}IRenvelope", nsmap={None: w.ns})
    w.header(root, eps.employer.office_number, eps.employer.paye_reference, eps.month_ends)
    top = w.el(root, "EmployerPaymentSummary")
    refs = w.el(top, "EmpRefs")
    w.el(refs, "OfficeNo", eps.employer.office_number)
    w.el(refs, "PayeRef", eps.employer.paye_reference)
    w.el(refs, "AORef", eps.employer.accounts_office_reference)
    if eps.no_payment_from is not None:
        none_paid = w.el(top, "NoPaymentForPeriod")
        w.el(none_paid, "From", eps.no_payment_from.isoformat())
        w.el(none_paid, "To", eps.no_payment_to.isoformat())
    if eps.employment_allowance:
        w.el(top, "EmpAllceInd", "yes")
        aid = w.el(top, "DeMinimisStateAid")
        w.el(aid, "NA", "yes")
    amounts = w.el(top, "RecoverableAmountsYTD")
    w.el(amounts, "TaxMonth", str(eps.tax_month))
    r = eps.recoverable
    for tag, amount in (("SMPRecovered", r.smp), ("SPPRecovered", r.spp), ("SAPRecovered", r.sap),
                        ("ShPPRecovered", r.shpp), ("SPBPRecovered", r.spbp), ("SNCPRecovered", r.sncp),
                        ("NICCompensationOnSMP", r.nic_compensation_smp), ("NICCompensationOnSPP", r.nic_compensation_spp),
                        ("NICCompensationOnSAP", r.nic_compensation_sap),
                        ("NICCompensationOnShPP", r.nic_compensation_shpp),
                        ("NICCompensationOnSPBP", r.nic_compensation_spbp),
                        ("NICCompensationOnSNCP", r.nic_compensation_sncp),
                        ("CISDeductionsSuffered", r.cis_deductions_suffered)):
        w.money(amounts, tag, amount)
    w.el(top, "RelatedTaxYear", eps.related_tax_year)
    if eps.final_for_year:
        final = w.el(top, "FinalSubmission")
        w.el(final, "ForYear", "yes")
    return root


def nvreq_envelope(request: Nvreq) -> etree._Element:
    """The IRenvelope of a NINO Verification Request."""
    w = _Writer(NVREQ_NAMESPACE)
    root = etree.Element(f"{{{w.ns}}}IRenvelope", nsmap={None: w.ns})
    w.header(root, request.office_number, request.paye_reference, request.made_on, currency=False)
    top = w.el(root, "NINOverificationRequest")
    refs = w.el(top, "EmpRefs")
    w.el(refs, "OfficeNo", request.office_number)
    w.el(refs, "PayeRef", request.paye_reference)
    for e in request.employees:
        employee = w.el(top, "Employee")
        details = w.el(employee, "EmployeeDetails")
        name = w.el(details, "Name")
        for forename in e.forenames:
            w.el(name, "Fore", forename)
        w.el(name, "Sur", e.surname)
        address = w.el(details, "Address")
        for line in e.address_lines:
            w.el(address, "Line", line)
        if e.postcode:
            w.el(address, "UKPostcode", e.postcode)
        w.el(details, "BirthDate", e.birth_date.isoformat())
        w.el(details, "Gender", e.gender)
        employment = w.el(employee, "Employment")
        if e.payroll_id:
            w.el(employment, "PayId", e.payroll_id)
    return root


def _keys(envelope: etree._Element) -> tuple[tuple[str, str], ...]:
    return tuple((k.get("Type"), k.text or "") for k in envelope.iterfind("{*}IRheader/{*}Keys/{*}Key"))


def submission(kind: str, envelope: etree._Element, *, channel: govtalk.Channel | None = None,
               credentials: govtalk.Credentials | None = None, test: bool = False,
               timestamp: datetime | None = None) -> bytes:
    """The whole GovTalk submission, indented, with the IRmark worked out from its Body and written in."""
    message = govtalk.message(MESSAGE_CLASS[kind], govtalk.REQUEST, govtalk.SUBMIT, keys=_keys(envelope),
                              credentials=credentials, channel=channel, test=test, body=envelope,
                              timestamp=timestamp)
    # Indent first and read it back, so the IRmark is worked out from exactly the text that is saved.
    etree.indent(message, space="  ")
    laid_out = etree.fromstring(etree.tostring(message, encoding="UTF-8"), _PARSER)
    mark = laid_out.find(f"{{{ENVELOPE_NS}}}Body/{{*}}IRenvelope/{{*}}IRheader/{{*}}IRmark")
    mark.text = irmark(laid_out)
    return etree.tostring(laid_out, xml_declaration=True, encoding="UTF-8") + b"\n"


def fps_file(fps: Fps, late_reason: str | None = None) -> bytes:
    return submission(FPS, fps_envelope(fps, late_reason))


def eps_file(eps: Eps) -> bytes:
    return submission(EPS, eps_envelope(eps))


def nvreq_file(request: Nvreq) -> bytes:
    return submission(NVREQ, nvreq_envelope(request))


# ---------------------------------------------------------------------------------------------
# Checking a file
# ---------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _schema(file_name: str, ns: str | None) -> etree.XMLSchema:
    text = resources.files("pa_manager.hmrc").joinpath("schemas", file_name).read_text(encoding="utf-8")
    if ns is not None:
        text = text.replace("${NAMESPACE}", ns)
    return etree.XMLSchema(etree.fromstring(text.encode("utf-8"), _PARSER))


def _schema_errors(schema: etree.XMLSchema, element: etree._Element) -> list[str]:
    if schema.validate(element):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


@dataclass(frozen=True)
class Checked:
    kind: str | None          # FPS, EPS or NVREQ
    tax_year: str | None      # None for an NVREQ, which has none
    irmark: str | None
    errors: tuple[str, ...]   # empty when the file passes every check

    @property
    def ok(self) -> bool:
        return not self.errors


def check(document: bytes) -> Checked:
    """Check a submission: the envelope and the IRenvelope against PA Manager's schemas, then HMRC's
    business rules that need no HMRC records: 5005 (the keys in GovTalkDetails match the IRheader's),
    7821 and 7822 (the employer's references match the keys), 7889 (the related tax year is the
    namespace's), 7844 (the period end falls in that tax year), 7850 (each NI letter once per employee),
    and 2021 (the IRmark is the Body's); for a NINO Verification Request, 7839 (its message class), 7823
    (two address lines for an employee without an NI number) and 7824 (a forename or initials)."""
    try:
        root = etree.fromstring(document, _PARSER)
    except etree.XMLSyntaxError as error:
        return Checked(None, None, None, (f"not XML: {error}",))
    errors = _schema_errors(_schema("GovTalkEnvelope.xsd", None), root)
    envelope = root.find(f"{{{ENVELOPE_NS}}}Body/{{*}}IRenvelope")
    if envelope is None:
        return Checked(None, None, None, tuple(errors + ["the Body holds no IRenvelope"]))
    ns = etree.QName(envelope).namespace
    found = [(k, y) for k in NAMESPACE_PATTERN for y in TAX_YEARS if namespace(k, y) == ns]
    if ns == NVREQ_NAMESPACE:
        found = [(NVREQ, None)]
    if not found:
        return Checked(None, None, None, tuple(errors + [f"unknown RTI namespace {ns}"]))
    kind, tax_year = found[0]
    errors += _schema_errors(_schema(SCHEMA_FILE[kind], ns), envelope)
    ir_keys = dict(_keys(envelope))
    gt_keys = dict((k.get("Type"), k.text or "") for k in root.iterfind(f".//{{{ENVELOPE_NS}}}GovTalkDetails/"
                                                                         f"{{{ENVELOPE_NS}}}Keys/{{{ENVELOPE_NS}}}Key"))
    if ir_keys != gt_keys:
        errors.append("5005: the keys in GovTalkDetails do not match those in the IRheader")
    top = envelope.find(f"{{{ns}}}{TOP_ELEMENT[kind]}")
    if top is not None:
        if top.findtext(f"{{{ns}}}EmpRefs/{{{ns}}}OfficeNo") != ir_keys.get("TaxOfficeNumber"):
            errors.append("7821: the TaxOfficeNumber key does not match the HMRC office number")
        if top.findtext(f"{{{ns}}}EmpRefs/{{{ns}}}PayeRef") != ir_keys.get("TaxOfficeReference"):
            errors.append("7822: the TaxOfficeReference key does not match the employer PAYE reference")
        if kind == NVREQ:
            errors += _nvreq_rules(root, top, ns)
        elif top.findtext(f"{{{ns}}}RelatedTaxYear") != related_tax_year(tax_year):
            errors.append("7889: the related tax year is not the schema's year")
        for employment in top.iterfind(f"{{{ns}}}Employee/{{{ns}}}Employment"):
            letters = [n.text for n in employment.iterfind(f"{{{ns}}}NIlettersAndValues/{{{ns}}}NIletter")]
            if len(letters) != len(set(letters)):
                errors.append("7850: an NI letter is given twice for one employee")
    period_end = envelope.findtext(f"{{{ns}}}IRheader/{{{ns}}}PeriodEnd")
    try:
        end = date.fromisoformat(period_end or "")
        if tax_year is not None and not tax_year_start(tax_year) <= end <= tax_year_end(tax_year):
            errors.append("7844: the period end is not in the related tax year")
    except ValueError:
        pass  # the schema has said so
    stated = stated_irmark(root)
    try:
        worked_out = irmark(root)
    except IRmarkError as error:
        worked_out = None
        errors.append(str(error))
    if stated != worked_out:
        errors.append("2021: the IRmark is not the Body's")
    return Checked(kind, tax_year, stated, tuple(errors))


def _nvreq_rules(root: etree._Element, top: etree._Element, ns: str) -> list[str]:
    errors = []
    if root.findtext(f"{{{ENVELOPE_NS}}}Header/{{{ENVELOPE_NS}}}MessageDetails/{{{ENVELOPE_NS}}}Class") \
            not in NVREQ_MESSAGE_CLASSES:
        errors.append("7839: the message class is not one for a NINO Verification Request")
    for details in top.iterfind(f"{{{ns}}}Employee/{{{ns}}}EmployeeDetails"):
        if details.find(f"{{{ns}}}NINO") is None and len(details.findall(f"{{{ns}}}Address/{{{ns}}}Line")) < 2:
            errors.append("7823: an employee without an NI number has fewer than two address lines")
        if details.find(f"{{{ns}}}Name/{{{ns}}}Fore") is None and details.find(f"{{{ns}}}Name/{{{ns}}}Initials") is None:
            errors.append("7824: an employee has neither a forename nor initials")
    return errors
