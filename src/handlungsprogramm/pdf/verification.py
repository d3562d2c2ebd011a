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

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from pyhanko.keys import load_certs_from_pemder_data
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
from pyhanko.sign.diff_analysis.rules.form_field_rules import is_field_visible
from pyhanko.sign.fields import SigSeedSubFilter, enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from handlungsprogramm.errors import PdfError
from handlungsprogramm.input_files import read_material, read_reason
from handlungsprogramm.pdf.after_signing import _metadata_finding, _tail_finding
from handlungsprogramm.pdf.reading import _WHITESPACE, read_pdf, signature_field_list
from handlungsprogramm.pdf.reading import READ_ERRORS as READ_ERRORS
from handlungsprogramm.pdf.reading import quiet_pyhanko as quiet_pyhanko
from handlungsprogramm.pdf.revisions import later_revision_findings
from handlungsprogramm.pdf.trust import _trust_problem

__all__ = [
    "FieldReport",
    "Message",
    "read_pdf",
    "signature_field_list",
    "verify_pdf",
    "verify_reader",
]

Message = tuple[str, str]
"""A finding in English and German."""

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


@dataclass(frozen=True, slots=True)
class FieldReport:
    """The state of one signature field, and what was found wrong with it.

    ``findings`` say, in English and German, what changed after the signature, what
    in the signature cannot be read, or why the field should not be there;
    ``trust_problem`` says why a signer is not trusted (None when trusted or unsigned).
    """

    field: str
    signed: bool
    signer: str = ""
    signing_time: dt.datetime | None = None
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    changes_permitted: bool = False
    covers_whole_file: bool = False
    findings: tuple[Message, ...] = ()
    trust_problem: Message | None = None

    @property
    def ok(self) -> bool:
        """Signed, intact, valid, and nothing after it but what we allow."""
        return self.signed and self.intact and self.valid and self.changes_permitted


@dataclass(slots=True)
class _Signature:
    """A signed field while it is being judged."""

    name: str
    embedded: EmbeddedPdfSignature | None
    report: FieldReport
    revision: int = -1
    level: ModificationLevel | None = None
    findings: list[Message] = field(default_factory=list)


def verify_pdf(
    pdf: bytes, *, trust: Sequence[str | os.PathLike[str] | bytes] = ()
) -> list[FieldReport]:
    """Report on every signature field of ``pdf``, signed or not (see the module's rule).

    ``trust``: the trusted certificates, each a file's path or its bytes (PEM or DER)."""
    roots = []
    for entry in trust:
        path = "<bytes>" if isinstance(entry, bytes) else Path(entry)
        try:
            data = read_material(entry, _MAX_CERTIFICATE_BYTES)
        except OSError as exc:  # only a path fails to be read
            raise PdfError("HP801", path=str(path), reason=read_reason(exc)) from None
        try:
            certificates = list(load_certs_from_pemder_data(data))
        except READ_ERRORS as exc:
            certificates, reason = [], str(exc)
        else:
            reason = f"{len(certificates)} certificates in the file, not one"
        if len(certificates) != 1:
            raise PdfError("HP840", path=str(path), reason=reason)
        roots.append(certificates[0])
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
    by_name = {sig.name: sig for sig in signatures}
    reports = []
    for name, _value, _field in fields:
        judged = by_name.get(name)
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


def _open(reader: PdfFileReader, name: str, field_dict: Any) -> _Signature:
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
    return _Signature(name, embedded, FieldReport(name, signed=True), embedded.signed_revision)


def _unreadable(name: str, en: str, de: str) -> _Signature:
    """A signed field whose signature cannot be read, with the reason."""
    return _Signature(name, None, FieldReport(name, signed=True), findings=[(en, de)])


def _validate(sig: _Signature, context: ValidationContext) -> None:
    """Check one signature with pyHanko, then what changed after it under our policy.

    The two steps are apart so that a damaged later revision is reported as a change
    after this signature, not as a fault of this signature.
    """
    embedded = sig.embedded
    if embedded is None:
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
    )
    if status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION:
        sig.findings.append(
            (
                "the signature does not cover its whole revision",
                "die Signatur deckt ihre Revision nicht vollständig ab",
            )
        )
        return
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
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


def _judge(pdf: bytes, reader: PdfFileReader, signatures: list[_Signature], now: list[str]) -> None:
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
    approvals = [sig for sig in readable if not _is_document_timestamp(sig)] or readable
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
        if sig.name in before or _is_document_timestamp(sig):
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


def _is_document_timestamp(sig: _Signature) -> bool:
    """An invisible document time stamp may be added after the signatures (PAdES B-LTA)."""
    embedded = sig.embedded
    if embedded is None or embedded.sig_object_type != "/DocTimeStamp":
        return False
    try:
        return not is_field_visible(embedded.sig_field)  # type: ignore[no-untyped-call]
    except READ_ERRORS:
        return False
