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


STAGING_TEST = '''
def test_the_novice_buys_on_a_staging_store(audit_journey, demo_store):
    store = demo_store(basic_auth=("tess", "open sesame"), hosted_card=True)
    journey = audit_journey("novice-checkout", store.url)
    journey.assert_completed()
'''


def test_a_staging_store_is_walked_with_the_session_s_credentials(pytester):
    pytester.makepyfile(test_staging=STAGING_TEST)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider",
                                           "--auditor-http-credentials=tess:open sesame",
                                           timeout=600)
    result.assert_outcomes(passed=1)
    refused = pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=600)
    refused.assert_outcomes(failed=1)
    refused.stdout.fnmatch_lines(["*asks for a login (HTTP 401*--auditor-http-credentials*"])
