from dateline.search.folding import MARK_END as E
from dateline.search.folding import MARK_START as S
from dateline.search.highlight import marked


def test_marked_escapes_text_and_keeps_only_its_own_marks():
    text = f"<script>alert(1)</script> {S}Putin{E} & <mark>x</mark>"
    assert marked(text) == (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Putin</mark> "
        "&amp; &lt;mark&gt;x&lt;/mark&gt;"
    )


def test_marked_balances_stray_markers():
    assert marked(f"{E}a {S}b {S}c") == "a <mark>b c</mark>"
