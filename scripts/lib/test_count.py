"""Prints the real count of a swift test run, `N passed, N failed`, from its xUnit report.

Usage: test_count.py XUNIT_FILE EXIT_STATUS. Exits 0 only when at least one test ran and none
failed; a runner that failed outside any test (a crash) counts as one failure, so a broken run
never reads as clean. Used by scripts/test; tested by NewUserTests.
"""
import sys
import xml.etree.ElementTree as ET

path, status = sys.argv[1], int(sys.argv[2])
try:
    cases = list(ET.parse(path).getroot().iter("testcase"))
except (OSError, ET.ParseError) as error:
    print(f"error: no test report ({error}); the test run did not finish", file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(status or 2)
failed = sum(1 for case in cases if case.find("failure") is not None or case.find("error") is not None)
passed = len(cases) - failed
if status != 0 and failed == 0:
    print(f"error: swift test exited {status} with no failing test recorded", file=sys.stderr)
    failed = 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
