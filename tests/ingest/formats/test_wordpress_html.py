from dateline.ingest.formats.wordpress_html import wordpress_html


def test_caption_shortcode_becomes_a_figure():
    html = wordpress_html(
        '[caption id="a" width="300"]<img src="x.jpg" alt="Bell"> Bell on wharf[/caption]'
    )
    assert (
        html
        == '<figure class="image"><img src="x.jpg" alt="Bell"><figcaption>Bell on wharf</figcaption></figure>'
    )


def test_widget_shortcodes_and_block_comments_are_removed():
    html = wordpress_html(
        '<!-- wp:paragraph -->\n<p>Text [gallery ids="1,2"]</p>\n<!-- /wp:paragraph -->'
    )
    assert html == "<p>Text </p>"


def test_audio_shortcode_becomes_a_link():
    html = wordpress_html('[audio mp3="https://example.com/a.mp3"][/audio]')
    assert (
        html == '<p><a href="https://example.com/a.mp3">Listen or watch (audio)</a></p>'
    )


def test_classic_text_gets_paragraphs():
    assert (
        wordpress_html("One line\nnext line\n\nSecond")
        == "<p>One line<br>\nnext line</p>\n<p>Second</p>"
    )


def test_bracketed_words_are_not_shortcodes():
    assert wordpress_html("Moscow [Russia]: text") == "<p>Moscow [Russia]: text</p>"


def test_lists_get_no_line_breaks_or_paragraphs_inside():
    html = wordpress_html(
        "Lists are tested:\n<ul>\n\t<li>one\n<ol>\n\t<li>two</li>\n</ol>\n</li>\n</ul>"
    )
    assert html == (
        "<p>Lists are tested:</p>\n<ul>\n<li>one\n<ol>\n<li>two</li>\n</ol>\n</li>\n</ul>"
    )


def test_preformatted_text_is_left_as_written():
    html = wordpress_html("Code:\n<pre>a = 1\n\nb = 2\n</pre>\nDone")
    assert html == "<p>Code:</p>\n<pre>a = 1\n\nb = 2\n</pre>\n<p>Done</p>"


def test_tables_and_quotes_get_paragraphs_only_where_text_is_bare():
    html = wordpress_html(
        "<table>\n<tr>\n<td>cell</td>\n</tr>\n</table>\n"
        "<blockquote>Stay hungry.\nStay foolish.</blockquote>"
    )
    assert html == (
        "<table>\n<tr>\n<td>cell</td>\n</tr>\n</table>\n"
        "<blockquote><p>Stay hungry.<br>\nStay foolish.</p></blockquote>"
    )


def test_line_breaks_inside_a_tag_stay_inside_it():
    html = wordpress_html('Text <a\nhref="/x">link</a>\nnext')
    assert html == '<p>Text <a\nhref="/x">link</a><br>\nnext</p>'


def test_a_double_break_parts_paragraphs():
    assert wordpress_html("one<br><br />two") == "<p>one</p>\n<p>two</p>"
