"""Arm finders on randomised trials that gave fewer than two arms, second round (h-arms5): numbered lists whose items
are described at length, and numbered lists that open the sentence after the randomisation's."""

from extractor.backends.rules.arms import _named_item, _randomised_to, find_arms


def _labels(*sentences: str, title: str | None = None) -> list[str | None]:
    return [a.label for a in find_arms(title, list(sentences))]


def test_numbered_items_named_by_their_last_bracket():
    assert _labels("The participants were randomly assigned into three groups by treatment: (1) a 12-week regimen of a "
                   "cream containing casein phosphopeptide-amorphous calcium phosphate and fluoride (MI Paste Plus); (2) "
                   "a 12-week regimen of a cream containing hydroxyapatite and fluoride (Remin Pro); and (3) usual home "
                   "care (control).")[:2] == ["MI Paste Plus", "Remin Pro"]


def test_numbered_items_named_by_their_head_before_the_description():
    assert sorted(_labels("Thirty-four cardiac rehabilitation patients were randomly allocated to one of two strategies: "
                          "(1) no music usual-care control and (2) tempo-pace synchronized audio-devices with personalized "
                          "music playlists + usual-care.")) == ["no music usual-care control", "tempo-pace synchronized audio-devices"]


def test_numbered_items_named_before_a_colon():
    assert _labels("Using the balanced block randomization method, the patients were allocated to one of four study arms: "
                   "1) SP (supplement/placebo): supplement seven days before and placebo 30 days after the surgery; 2) PS: "
                   "placebo before and supplement after the surgery; 3) SS: supplement before and after the surgery; and "
                   "4) PP: placebo before and after the surgery.") == ["SP", "PS", "SS", "PP"]


def test_numbered_items_after_randomly_allocated_to():
    assert _labels("Twenty-six communities were randomly allocated to (i) an intervention consisting of school-based "
                   "curriculum, out-of-school outreach and community mobilisation, or (ii) comparison consisting of "
                   "community mobilisation and youth-friendly health services training only.") == ["intervention", "comparison"]


def test_numbered_list_in_the_next_sentence():
    arms = _randomised_to(["Patients who met eligible criteria were randomly assigned to the following groups.",
                           "1) co-administration of fimasartan 120 mg/rosuvastatin 20 mg (FMS/RSV), 2) fimasartan 120 mg "
                           "(FMS) alone 3) rosuvastatin 20 mg (RSV) alone."])
    assert [label for label, *_ in arms][1:] == ["FMS", "RSV"] and len(arms) == 3


def test_no_list_in_the_next_sentence_without_an_introduction():
    assert _randomised_to(["Patients were randomized and followed for two years.", "1) outcomes were recorded weekly, "
                           "2) adverse events were graded."]) == []


def test_numbered_aims_are_no_arms():
    assert _labels("This prospective randomized clinical trial examined effects of a complementary therapy for (1) "
                   "supporting cellular immunity in patients given chemoradiation, (2) improving mood and quality of life "
                   "in these women, and (3) reducing treatment-associated toxicities and treatment delay in cervical "
                   "cancer patients receiving chemoradiation.") == []


def test_an_item_described_at_length_with_no_head_names_no_arm():
    assert _named_item("similarly intense, targeted cognitive training on auditory-verbal discrimination and memory") is None


def test_either_pair_with_one_side_described_at_length():
    assert _labels("Medical students were randomized to use either an electronic stethoscope, or a conventional acoustic "
                   "stethoscope during clinical auscultation training.") == ["electronic stethoscope", "conventional acoustic stethoscope"]


def test_either_pair_with_a_side_ending_in_a_time():
    assert _labels("Participants were randomised to consume either nitrate-rich beetroot juice (containing 12.9 mmoles "
                   "nitrate) or placebo (nitrate-depleted beetroot juice) 3 hours prior to endurance cycle ergometry.") \
        == ["nitrate-rich beetroot juice", "placebo"]


def test_either_pair_not_told_apart_names_no_arms():
    assert _labels("Patients were randomised to receive either a standard trial invitation letter or a trial invitation "
                   "letter containing an incentive offer of £100.") == []


def test_either_after_the_arms_is_no_pair():
    assert _labels("Patients were randomized to treatment with 50 mg bicalutamide once daily or to castration, either "
                   "orchiectomy or depot injection of goserelin acetate every 28 days.") != ["orchiectomy", "goserelin acetate"]


def test_randomised_patients_then_an_aside_then_to():
    assert _labels("The GIPS-III trial randomized STEMI patients, without known diabetes, to metformin or placebo initiated "
                   "directly after PCI.") == ["metformin", "placebo"]


def test_numbered_outcomes_after_the_randomisation_are_no_arms():
    assert _randomised_to(["Patients were randomized to two groups.", "Outcomes were 1) pain at rest and on movement "
                           "over the first two days, 2) opioid use over the first two days."]) == []


def test_an_item_named_before_its_verb():
    assert _named_item("starch group (SG) was free of glucose and contained 64% corn derived starch")[0] == "SG"
