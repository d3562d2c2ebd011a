"""Verify a signed programme: what both mayors signed must be what every viewer shows.

pyHanko checks each signature cryptographically and rates the changes made after it,
but it answers a narrower question than ours. It finds the last revision by looking
for ``%%EOF`` in the last KiB, so bytes appended without one (or junk after it) are
not looked at, while poppler, qpdf and every viewer follow the last ``startxref`` and
show them; and it rates a new signature field, signed by anyone, as "form filling".
Hence our rule, on top of pyHanko's analysis:

* the file ends with the revision pyHanko analysed (only white space may follow), so
  there is no byte a viewer shows that nobody checked;
* after a signature, the only changes allowed are signatures in the signature fields
  that existed when the first mayor signed (with their own appearance), and validation
  data (pyHanko's ``LTA_UPDATES``, without a new title or form settings); no new field,
  annotation, form value or content; after the *last* signature, only the latter;
* the revisions after the first signature have the plain shape that every reader reads
  alike (:mod:`.revisions`);
* every signature covers its whole revision.

A signature that cannot be read (a damaged ``/Contents``, an unknown ``/SubFilter``)
is reported as such without hiding the others. Each report lists its findings in
English and German: what changed, or why a signature is not trusted.

This module applies the rule signature by signature; opening the file is in
:mod:`.reading`, the findings about the file as a whole in :mod:`.after_signing`,
the words for trust problems in :mod:`.trust`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import (
    DEFAULT_DIFF_POLICY,
    FormUpdatingRule,
    ModificationLevel,
    SigFieldCreationRule,
    SigFieldModificationRule,
    StandardDiffPolicy,
    SuspiciousModification,
)
from pyhanko.sign.fields import SigSeedSubFilter, enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from handlungsprogramm.errors import PdfError
from handlungsprogramm.pdf.after_signing import _metadata_finding, _tail_finding
from handlungsprogramm.pdf.levels import is_document_timestamp, judge_levels
from handlungsprogramm.pdf.reading import _WHITESPACE, read_pdf, signature_field_list
from handlungsprogramm.pdf.reading import READ_ERRORS as READ_ERRORS
from handlungsprogramm.pdf.reading import quiet_pyhanko as quiet_pyhanko
from handlungsprogramm.pdf.revisions import later_revision_findings
from handlungsprogramm.pdf.signature_state import FieldReport, Judged, Message
from handlungsprogramm.pdf.trust import _trust_problem
from handlungsprogramm.pdf.trust import trusted_roots as trusted_roots

__all__ = [
    "FieldReport",
    "Message",
    "read_pdf",
    "signature_field_list",
    "verify_pdf",
    "verify_reader",
]

# pyHanko's default policy without the rule that approves filling *other* form fields:
# a signed programme has no form field but its signature fields. New signature fields
# stay approved here (document time stamps need them) and are judged by our own rule.
# The form's own keys are compared strictly (pyHanko exempts /DA, /DR, /NeedAppearances…:
# with /NeedAppearances true, viewers redraw the widgets and both signature stamps
# vanish). Changes of the document information and XMP are judged by _metadata_finding.
_DIFF_POLICY = StandardDiffPolicy(
    global_rules=DEFAULT_DIFF_POLICY.global_rules,
    form_rule=FormUpdatingRule(
        field_rules=[SigFieldCreationRule(), SigFieldModificationRule()],  # type: ignore[no-untyped-call]
        ignored_acroform_keys=frozenset({"/Fields"}),
    ),
)


_OPEN_ERRORS: tuple[type[Exception], ...] = (*READ_ERRORS, StopIteration)
_SUBFILTERS = frozenset(str(member.value) for member in SigSeedSubFilter)
_MAX_CERTIFICATE_BYTES = 1024 * 1024
"""A certificate file is a few KB; a MiB leaves room for a PEM bundle."""


def verify_pdf(
    pdf: bytes, *, trust: Sequence[str | os.PathLike[str] | bytes] = ()
) -> list[FieldReport]:
    """Report on every signature field of ``pdf``, signed or not (see the module's rule).

    ``trust``: the trusted certificates, each a file's path or its bytes (PEM or DER)."""
    roots = trusted_roots(trust)
    try:
        reader = read_pdf(pdf)
    except PdfError:
        # pyHanko finds no %%EOF in the last KiB: read up to the last one there is, so
        # the report can name the signatures and the bytes after them.
        eof = pdf.rfind(b"%%EOF")
        if eof < 0 or not pdf[eof + 5 :].strip(_WHITESPACE):
            raise
        reader = read_pdf(pdf[: eof + 5] + b"\n")
    return verify_reader(pdf, reader, roots)


def verify_reader(
    pdf: bytes, reader: PdfFileReader, roots: Sequence[asn1_x509.Certificate]
) -> list[FieldReport]:
    """:func:`verify_pdf` on an open reader with the trusted roots already loaded."""
    context = ValidationContext(trust_roots=list(roots), allow_fetching=False)
    fields = signature_field_list(reader)
    signatures = [
        _open(reader, name, field_dict) for name, value, field_dict in fields if value is not None
    ]
    for sig in signatures:
        if sig.embedded is not None:
            _validate(sig, context)
    _judge(pdf, reader, signatures, [name for name, _v, _f in fields])
    judge_levels(reader, signatures)
    by_name = {sig.name: sig for sig in signatures}
    reports = []
    for name, _value, _field in fields:
        judged = by_name.get(name)
        if judged is not None and is_document_timestamp(judged):
            continue  # not a municipality's field: its state is in the signatures' level
        if judged is None:
            reports.append(FieldReport(name, signed=False))
            continue
        findings = tuple(judged.findings)
        reports.append(
            replace(
                judged.report,
                findings=findings,
                changes_permitted=judged.report.changes_permitted and not findings,
            )
        )
    return reports


def _open(reader: PdfFileReader, name: str, field_dict: Any) -> Judged:
    """The field's signature, or a report saying why it cannot be read."""
    try:
        with quiet_pyhanko():
            sig_object = field_dict.get_object()["/V"].get_object()
            subfilter = sig_object.get("/SubFilter")
            if subfilter not in _SUBFILTERS:
                return _unreadable(
                    name,
                    f"the signature has an unsupported format ({subfilter})",
                    f"die Signatur hat ein nicht unterstütztes Format ({subfilter})",
                )
            embedded = EmbeddedPdfSignature(reader, field_dict, name)
            if not isinstance(embedded.byte_range, generic.ArrayObject):
                raise ValueError(f"/ByteRange is {embedded.byte_range!r}, not a list of numbers")
    except _OPEN_ERRORS as exc:
        return _unreadable(
            name, f"the signature cannot be read: {exc}", f"die Signatur ist nicht lesbar: {exc}"
        )
    return Judged(name, embedded, FieldReport(name, signed=True), embedded.signed_revision)


def _unreadable(name: str, en: str, de: str) -> Judged:
    """A signed field whose signature cannot be read, with the reason."""
    return Judged(name, None, FieldReport(name, signed=True), findings=[(en, de)])


def _validate(sig: Judged, context: ValidationContext) -> None:
    """Check one signature with pyHanko, then what changed after it under our policy.

    The two steps are apart so that a damaged later revision is reported as a change
    after this signature, not as a fault of this signature.
    """
    embedded = sig.embedded
    if embedded is None:
        return
    if embedded.sig_object_type == "/DocTimeStamp":
        _validate_document_timestamp(sig, context)
        return
    with quiet_pyhanko() as log:
        try:
            status = validate_pdf_signature(embedded, context, skip_diff=True)
        except READ_ERRORS as exc:
            sig.findings.append(
                (
                    f"the signature cannot be checked: {exc}",
                    f"die Signatur ist nicht prüfbar: {exc}",
                )
            )
            return
    cert = status.signing_cert
    trust_problem = None if status.trusted else _trust_problem(status.trust_problem_indic, log)
    stamp = status.timestamp_validity
    sig.timestamped = stamp is not None and stamp.intact and stamp.valid
    sig.report = FieldReport(
        field=sig.name,
        signed=True,
        signer=cert.subject.human_friendly if cert is not None else "",
        signing_time=status.signer_reported_dt,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        changes_permitted=True,
        covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        trust_problem=trust_problem,
        timestamp=stamp.timestamp if stamp is not None and sig.timestamped else None,
    )
    _judge_coverage(sig, status.coverage)


def _judge_coverage(sig: Judged, coverage: SignatureCoverageLevel | None) -> None:
    """What the signature covers, and what changed in the revisions after it."""
    embedded = sig.embedded
    assert embedded is not None  # noqa: S101 - only called for a readable signature
    if coverage is None or coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        sig.findings.append(
            (
                "the signature does not cover its whole revision",
                "die Signatur deckt ihre Revision nicht vollständig ab",
            )
        )
        return
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        sig.level = ModificationLevel.NONE
        return
    with quiet_pyhanko():
        try:
            diff = embedded.evaluate_modifications(_DIFF_POLICY)
            docmdp = embedded.docmdp_level
        except READ_ERRORS as exc:
            sig.findings.append(
                (
                    f"changed after this signature: a later revision cannot be read ({exc})",
                    f"nach dieser Signatur verändert: eine spätere Revision ist nicht lesbar"
                    f" ({exc})",
                )
            )
            return
    if isinstance(diff, SuspiciousModification):
        reason = str(diff)
        sig.findings.append(
            (f"changed after this signature: {reason}", f"nach dieser Signatur verändert: {reason}")
        )
        return
    sig.level = diff.modification_level
    if sig.level not in _PERMITTED:
        sig.findings.append(("changed after this signature", "nach dieser Signatur verändert"))
    elif docmdp is not None and sig.level.value > docmdp.value:
        sig.findings.append(
            (
                "a change the certifying signature forbids",
                "eine Änderung, die die Zertifizierungssignatur verbietet",
            )
        )


_PERMITTED = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING}


def _judge(pdf: bytes, reader: PdfFileReader, signatures: list[Judged], now: list[str]) -> None:
    """Add the findings pyHanko does not make: uncovered bytes, new fields, late changes."""
    readable = [sig for sig in signatures if sig.embedded is not None]
    tail = _tail_finding(pdf, reader)
    if tail is not None:
        for sig in signatures:
            sig.findings.append(tail)
            sig.report = replace(sig.report, covers_whole_file=False)
    if not readable:
        return
    first = min(readable, key=lambda sig: sig.revision)
    later = later_revision_findings(pdf, reader, first.revision)
    metadata = _metadata_finding(reader, first.revision)
    if metadata is not None:
        later.append(metadata)
    for finding in later:
        for sig in signatures:
            sig.findings.append(finding)
    # after the last mayor's signature: validation data and time stamps only
    approvals = [sig for sig in readable if not is_document_timestamp(sig)] or readable
    last = max(approvals, key=lambda sig: sig.revision)
    if last.level == ModificationLevel.FORM_FILLING:
        last.findings.append(
            (
                "a form field or its appearance was changed after the last signature",
                "nach der letzten Signatur wurde ein Formularfeld oder seine Darstellung verändert",
            )
        )
    with quiet_pyhanko():
        try:
            before = {
                str(name)
                for name, _v, _f in enumerate_sig_fields(
                    reader.get_historical_resolver(first.revision)
                )
            }
        except READ_ERRORS:
            before = set()
    for sig in signatures:
        if sig.name in before or is_document_timestamp(sig):
            continue
        message = (
            f"the signature field '{sig.name}' was added after the first signature"
            f" ('{first.name}')",
            f"das Signaturfeld '{sig.name}' wurde nach der ersten Signatur ('{first.name}')"
            " hinzugefügt",
        )
        for other in signatures:
            other.findings.append(message)
    # an added field that nobody signed is as foreign as a signed one
    signed_names = {sig.name for sig in signatures}
    for name in now:
        if name not in before and name not in signed_names:
            message = (
                f"the signature field '{name}' was added after the first signature",
                f"das Signaturfeld '{name}' wurde nach der ersten Signatur hinzugefügt",
            )
            for sig in signatures:
                sig.findings.append(message)


def _validate_document_timestamp(sig: Judged, context: ValidationContext) -> None:
    """A document time stamp (B-LTA): intact and valid, then judged as a signature is."""
    embedded = sig.embedded
    assert embedded is not None  # noqa: S101 - only called for a readable signature
    with quiet_pyhanko():
        try:
            status = validate_pdf_timestamp(embedded, context, skip_diff=True)
        except READ_ERRORS as exc:
            sig.findings.append(
                (
                    f"the document time stamp cannot be checked: {exc}",
                    f"der Dokumentzeitstempel ist nicht prüfbar: {exc}",
                )
            )
            return
    sig.timestamped = status.intact and status.valid
    sig.report = FieldReport(
        field=sig.name,
        signed=True,
        signing_time=status.timestamp,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        changes_permitted=True,
        covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
    )
    if not sig.timestamped:
        sig.findings.append(
            (
                f"the document time stamp in '{sig.name}' is not valid",
                f"der Dokumentzeitstempel in '{sig.name}' ist nicht gültig",
            )
        )
    _judge_coverage(sig, status.coverage)
