from dateline.search.folding import MARK_END, MARK_START, fold


def test_fold_composes_accents():
    assert fold("Hane\u0301gbi") == "Hanégbi"


def test_fold_drops_hebrew_and_arabic_vowel_marks():
    assert fold("שָׁלוֹם مَرْحَبًا") == "שלום مرحبا"


def test_fold_keeps_devanagari_vowel_signs():
    assert fold("नमस्ते") == "नमस्ते"


def test_fold_blanks_control_and_private_use_characters():
    assert fold(f"a\x00b\x1fc{MARK_START}d{MARK_END}e\ue002") == "a b c d e "


def test_fold_sets_angle_brackets_aside_for_postgresql():
    assert fold("x<y and <script>") == "x\ue002y and \ue002script\ue003"
