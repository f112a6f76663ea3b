"""The pytest plugin as a user writes a test with it, run by pytester in a real pytest."""

pytest_plugins = ["pytester"]

USER_TEST = '''
def test_novice_can_buy(audit_journey, demo_store):
    journey = audit_journey("novice-checkout", demo_store().url)
    journey.assert_completed()
    journey.assert_emotion("Place the order", at_least="neutral")


def test_parent_leaves_a_slow_store(audit_journey, demo_store):
    journey = audit_journey("stressed-parent", demo_store("slow-product=4", "broken-search").url)
    journey.assert_completed()
'''


def test_user_test_file_runs_and_writes_the_session_report(pytester):
    pytester.makepyfile(test_store_journeys=USER_TEST)
    report = pytester.path / "journeys"
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider",
                                           f"--auditor-report={report}", timeout=600)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*stressed-parent did not complete the journey: abandoned*"])
    assert (report / "index.html").exists() and (report / "results.json").exists()
    assert "Tadeusz" in (report / "index.html").read_text()
