import pytest

from auditor.judge.stats import mann_whitney_p, spread


def test_identical_samples_are_not_different():
    assert mann_whitney_p([100, 110, 120], [100, 110, 120]) == 1.0


def test_clearly_separated_samples_are_significant_with_five_runs_each():
    slow = [2010, 2030, 2050, 2020, 2040]
    fast = [510, 530, 520, 540, 515]
    assert mann_whitney_p(slow, fast) == pytest.approx(2 / 252)


def test_three_runs_each_cannot_reach_five_percent():
    assert mann_whitney_p([3, 4, 5], [0, 1, 2]) == pytest.approx(0.1)


def test_one_sided_needs_four_runs_a_side_to_reach_five_percent():
    assert mann_whitney_p([0, 1, 2], [3, 4, 5], lower=True) == pytest.approx(1 / 20)
    assert mann_whitney_p([0, 1, 2, 3], [4, 5, 6, 7], lower=True) == pytest.approx(1 / 70)
    assert mann_whitney_p([4, 5, 6, 7], [0, 1, 2, 3], lower=True) == 1.0  # higher, not lower


def test_one_sided_large_samples_point_the_right_way():
    low, high = list(range(0, 40)), list(range(20, 60))
    assert mann_whitney_p(low, high, lower=True) < 0.01
    assert mann_whitney_p(high, low, lower=True) > 0.99


def test_one_noisy_run_does_not_make_a_difference():
    before = [500, 510, 505, 495, 502]
    after = [498, 507, 2500, 501, 499]  # one hiccup
    assert mann_whitney_p(after, before) > 0.05


def test_large_samples_use_the_normal_approximation():
    a = list(range(0, 40))
    b = list(range(20, 60))
    assert 0 < mann_whitney_p(a, b) < 0.01


def test_spread_reports_median_and_range():
    assert spread([3, 1, 2]) == {"median": 2, "min": 1, "max": 3}
