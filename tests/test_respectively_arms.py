"""Which arm the values of runs and pairs go to (the arm scene of ``results.py``), one phrase shape per test."""

from tests.test_results_arm_pairing import _arms_of


def test_a_run_of_values_before_each_arm():
    text = ("Rates of ACR 20, 50 and 70 responses were 29%, 13%, and 1% respectively, in patients on placebo, and "
            "41%, 21%, and 6% of patients on etanercept.")
    assert _arms_of(text, ["placebo", "etanercept"]) == [
        (29.0, "placebo"), (13.0, "placebo"), (1.0, "placebo"), (41.0, "etanercept"), (21.0, "etanercept"), (6.0, "etanercept")]


def test_runs_of_means_before_three_arms():
    text = ("Mean ± SD percent time intragastric pH was ≥3 and ≥4 was 58.9 ± 21.1% and 40.9 ± 17.3% for IV group, "
            "75.8 ± 16.4% and 62.7 ± 17.7% for SC group, 88.2 ± 8.9% and 82.5 ± 7.7% for PO group.")
    assert _arms_of(text, ["IV", "SC", "PO"]) == [
        (58.9, "IV"), (40.9, "IV"), (75.8, "SC"), (62.7, "SC"), (88.2, "PO"), (82.5, "PO")]


def test_runs_of_unequal_length_are_no_runs_per_arm():
    text = "Response rates were 40% and 20% in the placebo group, versus 30% in the etanercept group."
    assert (40.0, "etanercept") not in _arms_of(text, ["placebo", "etanercept"])


def test_a_total_before_the_arm_named_between_is_no_arms():
    text = "Three patients died, including one in the placebo group and two in the etanercept group."
    found = _arms_of(text, ["etanercept", "placebo"])
    assert (3.0, None) in found and (2.0, "etanercept") in found


def test_the_other_arm_still_goes_to_an_unnamed_value():
    text = "32 patients (91%) in the glutamine arm and 34 patients (97%) developed mucositis."
    assert (97.0, "placebo") in _arms_of(text, ["glutamine", "placebo"])


def test_a_signed_value_in_the_bracket_after_an_arm():
    text = ("For relative change in body fat mass, LU + B420 showed a − 4.5% (− 1.4 kg, P = 0.02, N = 37) difference to "
            "the Placebo group, whereas LU (+ 0.3%, P = 1.00, N = 35) and B420 (− 3.0%, P = 0.28, N = 24) alone had no effect.")
    found = _arms_of(text, ["LU + B420", "LU", "B420", "Placebo"])
    assert (0.3, "LU") in found and (3.0, "B420") in found


def test_high_and_low_level_subgroups_are_no_arms():
    text = ("Overall asthma symptom improvement attributable to azithromycin was 28% in high IgA participants versus 12% "
            "in low IgA participants (p for interaction = 0.01).")
    assert _arms_of(text, ["azithromycin", "placebo"]) == [(28.0, None), (12.0, None)]


def test_high_and_low_dose_groups_stay_arms():
    text = "Response was 40% in the high-dose patients versus 20% in the low-dose patients."
    assert _arms_of(text, ["high-dose", "low-dose"]) == [(40.0, "high-dose"), (20.0, "low-dose")]


def test_a_bracket_of_values_right_before_an_arm():
    text = ("FEV1, FVC, FEF25 and FEF25–75 values decreased on postoperative day 1 (39.7%, 37.4%, 27.7%, 51.8% respectively) "
            "in the open surgery group and they were significantly lower in laparoscopic group (29.9%, 32.5%, 23.2%, 44.5% respectively).")
    assert [arm for _, arm in _arms_of(text, ["laparoscopic", "open surgery"])] == ["open surgery"] * 4 + ["laparoscopic"] * 4


def test_a_run_said_respectively_takes_the_arms_of_the_run_before():
    text = ("Prevalence of erectile dysfunction was 84% (146 of 173 men) in the radical prostatectomy group, 80% (122 of 153) in "
            "the watchful-waiting group, and 46% (95 of 208) in the control group and prevalence of urinary leakage was 41% "
            "(71 of 173), 11% (18 of 164), and 3% (six of 209), respectively.")
    found = _arms_of(text, ["radical prostatectomy", "watchful-waiting", "control"])
    assert found[3:] == [(41.0, "radical prostatectomy"), (11.0, "watchful-waiting"), (3.0, "control")]


def test_runs_of_counts_with_their_patients_before_each_arm():
    text = ("At 12 months postradiotherapy, 12 (50.0%) and 20 patients (83.3%) in the IMRT group had recovered at least 25% of "
            "preradiotherapy SWS and SPS flow respectively, compared with 1 (4.8%) and 2 patients (9.5%), respectively, in the CRT group.")
    assert _arms_of(text, ["IMRT", "CRT"]) == [(50.0, "IMRT"), (83.3, "IMRT"), (4.8, "CRT"), (9.5, "CRT")]


def test_a_bracketed_pair_before_an_arm_is_no_run_of_it():
    text = "Severe postoperative pain was more (7.7% vs. 25%) in fistulotomy group, while wound discharge was more frequent."
    assert (25.0, "fistulotomy") not in _arms_of(text, ["fistulotomy", "Ksharasutra"])
