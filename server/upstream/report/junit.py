"""JUnit XML: one test suite per checked file with findings, one failed test case per
finding, as CI systems (Jenkins, GitLab, Azure Pipelines) show test results."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from upstream.engine import Finding
from upstream.report.shared import cell_prefix, relative_posix

# What XML 1.0 cannot hold, even escaped: control characters other than tab, LF and CR.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def format_junit(findings: list[Finding], root: Path) -> str:
    suites = ElementTree.Element("testsuites", name="upstream")
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(relative_posix(finding.path, root), []).append(finding)
    for path, found in by_file.items():
        suite = ElementTree.SubElement(
            suites, "testsuite", name=path, tests=str(len(found)), failures=str(len(found))
        )
        for finding in found:
            where = (
                f"{path}:{cell_prefix(finding)}{finding.start.line + 1}:{finding.start.column + 1}"
            )
            case = ElementTree.SubElement(
                suite, "testcase", classname=path, name=f"{finding.rule} at {where}"
            )
            failure = ElementTree.SubElement(
                case, "failure", message=_text(finding.message), type=finding.rule
            )
            see = f"\nSee {finding.docs}" if finding.docs else ""
            failure.text = _text(f"{where}: {finding.message}{see}")
    suites.set("tests", str(len(findings)))
    suites.set("failures", str(len(findings)))
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
